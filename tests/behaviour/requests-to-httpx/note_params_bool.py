# differs: booleans in `params`/`data` known only at run time are sent as `true`/`false`
# Booleans in `params` that the source does not show: requests sends `True`, httpx `true`.
import requests
from httpserver import start

BASE = start()

flag = 2 > 1
query = {"verbose": flag, "page": 1}
r = requests.get(BASE + "/json", params=query)
print(r.json()["args"])
