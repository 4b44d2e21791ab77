# `r.json(**kwargs)` passes its keywords to `json.loads` in both libraries.
import decimal

import requests
from httpserver import refused_url, start

BASE = start()

r = requests.post(BASE + "/echo", json={"price": 1.5})
print(r.json(parse_float=decimal.Decimal)["body"])
r = requests.get(BASE + "/json", params={"n": "2.50"})
print(r.json(parse_float=decimal.Decimal)["args"])
