# differs: in `headers` raise `TypeError`
# A header whose value is `None` at run time: requests drops it; httpx raises.
import requests
from httpserver import start

BASE = start()

token = None
try:
    r = requests.get(BASE + "/json", headers={"X-Token": token, "X-Keep": "1"})
    print(r.json()["headers"])
except TypeError as exc:
    print("TypeError")
