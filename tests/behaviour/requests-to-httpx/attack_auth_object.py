# expect: any
# An auth object from `requests.auth` handed to httpx.
import requests.auth
from httpserver import start

BASE = start()

r = requests.get(BASE + "/json", auth=requests.auth.HTTPBasicAuth("user", "pass"))
print(r.json()["headers"])
r = requests.get(BASE + "/json", auth=requests.auth.HTTPDigestAuth("user", "pass"))
print(r.status_code, r.json()["headers"])
