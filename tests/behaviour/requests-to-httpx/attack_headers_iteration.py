# expect: any
# Iterating the response headers: requests keeps the server's case, httpx lower-cases.
import requests
from httpserver import refused_url, start

BASE = start()

r = requests.get(BASE + "/links")
print([k for k in r.headers if k.lower().startswith("x-")])
print("X-Mixed-Case" in r.headers, r.headers["x-mixed-case"])
