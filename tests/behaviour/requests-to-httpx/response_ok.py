# `r.ok` on a 200, on a 302 that is not followed (3xx is ok), on a 404 and a 500, also in
# a condition.
import requests
from httpserver import start

BASE = start()

print("200", requests.get(BASE + "/json").ok)
r = requests.get(BASE + "/redirect", allow_redirects=False)
print("302", r.status_code, r.ok)
r = requests.get(BASE + "/status/404")
print("404", r.ok)
if not requests.get(BASE + "/status/500").ok:
    print("500 not ok")
r = requests.get(BASE + "/status/201")
if r.ok:
    print("201 ok")
