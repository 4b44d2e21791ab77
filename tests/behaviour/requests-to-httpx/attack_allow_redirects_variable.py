# expect: any
# `allow_redirects=` given a variable that is False at run time, then `raise_for_status()`.
import requests
from httpserver import refused_url, start

BASE = start()

follow = False
r = requests.get(BASE + "/redirect", allow_redirects=follow)
r.raise_for_status()
print(r.status_code, r.headers["Location"])
