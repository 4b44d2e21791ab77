# expect: any
# A URL that already has a query string plus `params=`: requests appends the params to the
# query, httpx replaces the URL's query with them.
import requests
from httpserver import start

BASE = start()

r = requests.get(BASE + "/json?fixed=1", params={"extra": "2"})
print(r.json()["args"])
r = requests.get(BASE + "/json?k=old", params={"k": "new"})
print(r.json()["args"])
