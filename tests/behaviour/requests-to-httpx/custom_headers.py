# Custom request headers on `get` and `post` (only headers the program sets are echoed).
import requests
from httpserver import start

BASE = start()

r = requests.get(BASE + "/json", headers={"X-Test": "yes", "X-Number": "42"})
print(r.json()["headers"])
r = requests.post(BASE + "/echo", headers={"X-Trace": "abc"}, json={"k": 1})
print(r.json()["headers"], r.json()["content_type"])
r = requests.get(BASE + "/json", headers={"Authorization": "Bearer token"})
print(r.json()["headers"])
