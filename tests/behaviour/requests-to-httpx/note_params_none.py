# differs: `None` values in `params` are sent as `key=`
# A `None` value in `params` that the source does not show: requests drops the key.
import requests
from httpserver import start

BASE = start()

def options(limit=None):
    return {"q": "x", "limit": limit}


r = requests.get(BASE + "/json", params=options())
print(r.json()["args"])
