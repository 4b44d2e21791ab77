# expect: unchanged
# `cookies=` on a session call is refused (httpx deprecates per-request cookies on a client).
import requests
from httpserver import start

BASE = start()

with requests.Session() as s:
    r = s.get(BASE + "/json", cookies={"c": "1"})
    print(r.json()["headers"])
