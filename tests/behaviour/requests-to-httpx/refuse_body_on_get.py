# expect: unchanged
# A body on `get`/`delete` is refused (httpx's `get` and `delete` take no body).
import requests
from httpserver import start

BASE = start()

r = requests.get(BASE + "/echo", data="query body")
print(r.json()["method"], r.json()["body"])
r = requests.delete(BASE + "/echo", json={"id": 1})
print(r.json()["method"], r.json()["content_type"])
