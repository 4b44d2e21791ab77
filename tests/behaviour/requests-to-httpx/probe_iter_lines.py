# expect: any
# `iter_lines()`: requests yields bytes, httpx yields str (and `iter_lines` in httpx takes no
# chunk size or delimiter).
import requests
from httpserver import start

BASE = start()

r = requests.get(BASE + "/lines")
lines = list(r.iter_lines())
print(lines)
print([line.decode() for line in r.iter_lines() if line])
