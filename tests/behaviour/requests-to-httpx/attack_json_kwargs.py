# `r.json(**kwargs)` passes its keywords to `json.loads` in both libraries.
import decimal
import json

import requests
from httpserver import refused_url, start

BASE = start()

r = requests.post(BASE + "/echo", json={"price": 1.5})
print(json.loads(r.json(parse_float=decimal.Decimal)["body"], parse_float=decimal.Decimal))
r = requests.get(BASE + "/json", params={"n": "2.50"})
print(r.json(parse_float=decimal.Decimal)["args"])
