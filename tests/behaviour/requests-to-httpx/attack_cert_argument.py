# expect: any
# `cert=None` on a call: httpx has no `cert=` on a request.
import requests
from httpserver import refused_url, start

BASE = start()

r = requests.get(BASE + "/json", cert=None)
print(r.status_code)
