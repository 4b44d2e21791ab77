# `import requests as rq`: calls, a session and exceptions through the alias.
import requests as rq
from httpserver import start

BASE = start()

r = rq.get(BASE + "/json", params={"via": "alias"})
print(r.status_code, r.json()["args"])
with rq.Session() as s:
    print(s.post(BASE + "/echo", json={"a": 1}).json()["content_type"])
try:
    rq.get(BASE + "/status/404").raise_for_status()
except rq.HTTPError:
    print("HTTPError through the alias")
