# Every mapped keyword of `requests.request` at once.
import requests
from httpserver import refused_url, start

BASE = start()

r = requests.request(
    "POST",
    BASE + "/json",
    params={"q": "1"},
    json={"k": [1, 2]},
    headers={"X-A": "b"},
    timeout=5,
    allow_redirects=True,
    verify=True,
    auth=("u", "p"),
)
print(r.json()["args"], r.json()["headers"], r.json()["method"])
