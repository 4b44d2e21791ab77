# `r.reason` for several statuses.
import requests
from httpserver import start

BASE = start()

for code in [200, 201, 302, 404, 418, 500, 503]:
    r = requests.get(BASE + f"/status/{code}", allow_redirects=False)
    print(code, r.status_code, r.reason)
print(requests.get(BASE + "/json").reason.upper())
