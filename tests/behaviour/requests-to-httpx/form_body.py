# `data={...}` form bodies (string and int values) on post, put and patch.
import requests
from httpserver import start

BASE = start()

r = requests.post(BASE + "/echo", data={"user": "ada", "age": 36, "note": "a b&c"})
print(r.status_code, r.json()["content_type"], r.json()["body"])
r = requests.put(BASE + "/echo", data={"k": "v"})
print(r.json()["method"], r.json()["body"])
form = {"x": "1"}
r = requests.patch(BASE + "/echo", data=form)
print(r.json()["method"], r.json()["body"])
