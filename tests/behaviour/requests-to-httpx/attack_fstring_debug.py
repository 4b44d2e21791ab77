# expect: unchanged
# The debug field prints `requests.get(...)`'s source text; the request itself is fine.
import requests
from httpserver import serve

with serve() as base:
    url = base + "/status/204"
    print(f"{requests.get(url).status_code=}")
