# expect: any
# `s.trust_env = False`: a read-only property on httpx's client.
import requests
from httpserver import refused_url, start

BASE = start()

s = requests.Session()
s.trust_env = False
print(s.get(BASE + "/json").status_code)
s.close()
