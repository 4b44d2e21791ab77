# `from requests import get, post, Session` and an exception imported by name.
from httpserver import start
from requests import HTTPError, Session, get, post

BASE = start()

r = get(BASE + "/json", headers={"X-From": "import"})
print(r.status_code, r.json()["headers"])
print(post(BASE + "/echo", data="body").json()["body"])
s = Session()
print(s.get(BASE + "/redirect").json()["path"])
try:
    s.get(BASE + "/status/404").raise_for_status()
except HTTPError:
    print("HTTPError by name")
