# `s = requests.Session()` with `s.headers.update(...)` and a header set by item; per-call
# headers merge with the session's, and a per-call value wins.
import requests
from httpserver import start

BASE = start()

s = requests.Session()
s.headers.update({"X-Session": "one", "X-Shared": "session"})
s.headers["X-Item"] = "set"
r = s.get(BASE + "/json", headers={"X-Call": "two", "X-Shared": "call"})
print(r.status_code, r.json()["headers"])
r = s.post(BASE + "/echo", data={"a": "1"})
print(r.json()["headers"], r.json()["body"])
print(s.get(BASE + "/redirect").json()["path"])
s.close()
