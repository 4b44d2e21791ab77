# expect: any
# `r.iter_lines()` (bytes in requests) and `r.apparent_encoding` (no httpx counterpart).
import requests
from httpserver import refused_url, start

BASE = start()

r = requests.get(BASE + "/lines")
print(list(r.iter_lines()))
print(requests.get(BASE + "/text").apparent_encoding)
