# `r.links`, `r.elapsed`, `r.is_redirect` exist with the same meaning in both libraries.
import requests
from httpserver import refused_url, start

BASE = start()

r = requests.get(BASE + "/links")
print(r.links)
print(type(r.elapsed).__name__, r.elapsed.total_seconds() >= 0)
r = requests.get(BASE + "/redirect", allow_redirects=False)
print(r.is_redirect, r.status_code)
