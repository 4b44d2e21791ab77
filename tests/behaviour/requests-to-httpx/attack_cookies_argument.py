# expect: any
# `cookies=` on a module-level call.
import requests
from httpserver import refused_url, start

BASE = start()

r = requests.get(BASE + "/json", cookies={"a": "1"})
print(r.json()["headers"])
