# expect: any
# A requests `Response` is falsy when `ok` is false (4xx/5xx); an httpx `Response` has no
# `__bool__` and is always truthy. `if r:` / `bool(r)` must become `not r.is_error` or be refused.
import requests
from httpserver import start

BASE = start()

r = requests.get(BASE + "/status/404")
if r:
    print("404 truthy")
else:
    print("404 falsy")
print(bool(requests.get(BASE + "/json")), bool(requests.get(BASE + "/status/500")))
found = requests.get(BASE + "/status/404") or "fallback"
print(found if isinstance(found, str) else "a response")
