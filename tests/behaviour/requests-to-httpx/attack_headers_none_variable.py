# expect: any
# A header whose value is `None` at run time: requests drops it; httpx raises.
import requests
from httpserver import refused_url, start

BASE = start()

token = None
r = requests.get(BASE + "/json", headers={"X-Token": token, "X-Keep": "1"})
print(r.json()["headers"])
