# expect: any
# Literal `None` and booleans in `params=` and `data=`: requests drops `None` keys and sends
# `True`/`False`; httpx sends `key=` and `true`/`false`.
import requests
from httpserver import start

BASE = start()

r = requests.get(BASE + "/json", params={"page": 2, "filter": None, "verbose": True})
print(r.json()["args"])
r = requests.post(BASE + "/echo", data={"name": "x", "flag": False, "gone": None})
print(r.json()["body"])
