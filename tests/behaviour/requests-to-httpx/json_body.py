# `json=` bodies on post/put/patch; the server's view of the body is parsed, not printed raw
# (requests and httpx serialise JSON with different spacing).
import json

import requests
from httpserver import start

BASE = start()

payload = {"name": "widget", "sizes": [1, 2, 3], "nested": {"ok": True}, "none": None}
r = requests.post(BASE + "/echo", json=payload)
echoed = r.json()
print(r.status_code, echoed["method"], echoed["content_type"])
print(json.loads(echoed["body"]) == payload)
r = requests.put(BASE + "/echo", json=[1, "two"])
print(json.loads(r.json()["body"]))
r = requests.patch(BASE + "/echo", json={"op": "replace"})
print(r.json()["method"], json.loads(r.json()["body"]))
