# expect: any
# `e.response` of a connection error: requests gives None; httpx's `ConnectError` has none.
import requests
from httpserver import refused_url, start

BASE = start()

try:
    requests.get(refused_url())
except requests.ConnectionError as e:
    print("ConnectionError", e.response)
