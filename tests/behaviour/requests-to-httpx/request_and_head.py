# `requests.request("GET"/"POST", ...)`, `requests.head` (which does not follow redirects,
# unlike `requests.request("HEAD", ...)`), `requests.options` and `requests.delete`.
import requests
from httpserver import start

BASE = start()

r = requests.request("GET", BASE + "/json", params={"a": "1"})
print(r.status_code, r.json()["method"], r.json()["args"])
r = requests.request("POST", BASE + "/echo", data={"f": "g"})
print(r.json()["method"], r.json()["body"])
r = requests.request("GET", BASE + "/redirect")
print(r.status_code, r.json()["path"])
r = requests.head(BASE + "/json")
print(r.status_code, repr(r.text), r.headers["Content-Type"])
r = requests.head(BASE + "/redirect")
print(r.status_code, r.headers["Location"])
r = requests.head(BASE + "/redirect", allow_redirects=True)
print(r.status_code)
r = requests.request("HEAD", BASE + "/redirect")
print("request HEAD follows", r.status_code)
print(requests.options(BASE + "/json").json()["method"])
print(requests.delete(BASE + "/json").json()["method"])
