# expect: unchanged
# `Session.mount` with a `requests.adapters.HTTPAdapter` is refused.
import requests
from httpserver import start
from requests.adapters import HTTPAdapter

BASE = start()

s = requests.Session()
s.mount("http://", HTTPAdapter(max_retries=0))
r = s.get(BASE + "/json")
print(r.status_code, r.json()["method"])
s.close()
