# expect: any
# Booleans in `params` that the source does not show: requests sends `True`, httpx `true`.
import requests
from httpserver import refused_url, start

BASE = start()

flag = 2 > 1
query = {"verbose": flag, "page": 1}
r = requests.get(BASE + "/json", params=query)
print(r.json()["args"])
