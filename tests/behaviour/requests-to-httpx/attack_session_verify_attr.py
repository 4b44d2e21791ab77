# expect: any
# `s.verify = False` on a session (httpx has no such attribute to set).
import requests
from httpserver import refused_url, start

BASE = start()

s = requests.Session()
s.verify = False
print(s.get(BASE + "/json").status_code, s.verify)
s.close()
