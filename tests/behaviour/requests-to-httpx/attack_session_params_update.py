# expect: any
# `s.params` mutated in place: httpx's `QueryParams` is immutable.
import requests
from httpserver import refused_url, start

BASE = start()

s = requests.Session()
s.params.update({"api": "1"})
print(s.get(BASE + "/json").json()["args"])
s.close()
