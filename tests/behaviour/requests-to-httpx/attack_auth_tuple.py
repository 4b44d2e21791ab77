# `auth=(user, password)` on a call and on a session call: basic auth in both libraries.
import requests
from httpserver import refused_url, start

BASE = start()

r = requests.get(BASE + "/json", auth=("user", "pass"))
print(r.json()["headers"])
with requests.Session() as s:
    r = s.get(BASE + "/json", auth=("other", "secret"))
    print(r.json()["headers"])
