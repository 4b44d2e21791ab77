# Lists and tuples of pairs in `params`: repeated keys in both libraries.
import requests
from httpserver import refused_url, start

BASE = start()

r = requests.get(BASE + "/json", params={"a": ["1", "2"], "b": "x y"})
print(r.json()["args"])
r = requests.get(BASE + "/json", params=[("k", "1"), ("k", "2")])
print(r.json()["args"])
