# `requests.get` of a JSON endpoint: status, parsed body, a header, the body as bytes and text.
import json

import requests
from httpserver import start

BASE = start()

r = requests.get(BASE + "/json")
print(r.status_code)
print(r.json())
print(r.headers["Content-Type"])
print(json.loads(r.content) == json.loads(r.text))
print(requests.get(BASE + "/json").json()["method"])
