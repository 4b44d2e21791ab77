# expect: any
# `verify=` on a session method call: httpx takes `verify` on the client only.
import requests
from httpserver import refused_url, start

BASE = start()

s = requests.Session()
r = s.get(BASE + "/json", verify=False)
print(r.status_code, r.json()["path"])
s.close()
