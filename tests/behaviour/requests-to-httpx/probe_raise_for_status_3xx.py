# expect: any
# `raise_for_status()` on an unfollowed 3xx: requests raises only for 4xx/5xx, httpx raises
# `HTTPStatusError` for every non-2xx, redirects included (`requests.head` never follows).
import requests
from httpserver import start

BASE = start()

r = requests.get(BASE + "/redirect", allow_redirects=False)
try:
    r.raise_for_status()
    print("302 passed", r.status_code)
except requests.HTTPError:
    print("302 raised")
r = requests.head(BASE + "/redirect")
try:
    r.raise_for_status()
    print("head 302 passed", r.status_code)
except requests.HTTPError:
    print("head 302 raised")
