# `params=`: a dict of strings and ints, a list value, special characters, a list of pairs.
import requests
from httpserver import start

BASE = start()

r = requests.get(BASE + "/json", params={"q": "a b/c&d=é", "n": 3})
print(r.status_code, r.json()["args"])
r = requests.get(BASE + "/json", params={"tag": ["x", "y"], "page": "2"})
print(r.json()["args"])
r = requests.get(BASE + "/json", params=[("k", "1"), ("k", "2")])
print(r.json()["args"])
print(requests.get(BASE + "/json", params={}).json()["args"])
