# A 302 is followed by default; `allow_redirects=False` keeps it; a POST answered with 303
# becomes a GET.
import requests
from httpserver import start

BASE = start()

r = requests.get(BASE + "/redirect")
print(r.status_code, r.json()["path"], [h.status_code for h in r.history])
r = requests.get(BASE + "/redirect", allow_redirects=False)
print(r.status_code, r.headers["Location"], r.history, r.is_redirect)
r = requests.get(BASE + "/redirect", allow_redirects=True)
print(r.status_code, r.json()["path"])
r = requests.post(BASE + "/redirect?code=303", data={"a": "1"})
print(r.status_code, r.json()["method"])
r = requests.get(BASE + "/chain/3")
print(r.status_code, len(r.history))
