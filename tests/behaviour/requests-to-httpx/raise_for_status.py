# `r.raise_for_status()`: nothing on 200, `requests.HTTPError` on 404 and
# `requests.exceptions.HTTPError` on 500 (the handler prints a fixed string and the status).
import requests
from httpserver import start

BASE = start()

r = requests.get(BASE + "/json")
r.raise_for_status()
print("200 passed")

try:
    r = requests.get(BASE + "/status/404")
    r.raise_for_status()
    print("not reached")
except requests.HTTPError:
    print("HTTPError", r.status_code, r.text.strip())

try:
    requests.get(BASE + "/status/500").raise_for_status()
    print("not reached")
except requests.exceptions.HTTPError as exc:
    print("exceptions.HTTPError", exc.response.status_code)
