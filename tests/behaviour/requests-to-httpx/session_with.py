# `with requests.Session() as s:`: several methods, cookies the server sets are sent back,
# redirects followed by default.
import requests
from httpserver import start

BASE = start()

with requests.Session() as s:
    s.headers.update({"X-Client": "behaviour"})
    r = s.get(BASE + "/cookies/set", params={"flavour": "oat"})
    print(r.status_code, r.json())
    r = s.get(BASE + "/json")
    print(r.json()["headers"])
    r = s.put(BASE + "/echo", data="payload")
    print(r.json()["method"], r.json()["body"])
    r = s.delete(BASE + "/json")
    print(r.json()["method"])
    r = s.get(BASE + "/redirect")
    print(r.status_code, r.json()["path"], [h.status_code for h in r.history])
    print(s.cookies.get("flavour"))
