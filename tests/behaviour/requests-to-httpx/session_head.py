# A session's `head` does not follow redirects (requests' `Session.head` defaults to
# `allow_redirects=False`), its `get` and `request("HEAD")` do: the client must keep that apart.
import requests
from httpserver import start

BASE = start()

with requests.Session() as s:
    r = s.head(BASE + "/redirect")
    print("head", r.status_code, r.headers["Location"])
    r = s.head(BASE + "/redirect", allow_redirects=True)
    print("head followed", r.status_code)
    r = s.get(BASE + "/redirect")
    print("get", r.status_code, r.json()["path"])
    r = s.request("HEAD", BASE + "/redirect")
    print("request HEAD", r.status_code)
    r = s.get(BASE + "/redirect", allow_redirects=False)
    print("get kept", r.status_code)
