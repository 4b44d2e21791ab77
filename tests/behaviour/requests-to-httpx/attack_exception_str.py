# expect: any
# `str(e)` of `raise_for_status()`'s error, and its `e.response`/`e.request`.
import requests
from httpserver import refused_url, start

BASE = start()

r = requests.get(BASE + "/status/404")
try:
    r.raise_for_status()
except requests.HTTPError as e:
    print(e.response.status_code, e.request.method)
    print(str(e).replace(BASE, ""))
