# expect: any
# `r.json()` on a body that is not JSON raises `requests.JSONDecodeError`, a
# `RequestException`; httpx raises `json.JSONDecodeError`, which is not an `httpx.HTTPError`.
import requests
from httpserver import start

BASE = start()

try:
    requests.get(BASE + "/text").json()
    print("not reached")
except requests.RequestException:
    print("RequestException")
try:
    requests.get(BASE + "/status/204").json()
    print("not reached")
except requests.exceptions.JSONDecodeError:
    print("JSONDecodeError")
