# expect: unchanged
# `r.raw` (urllib3's response) is refused.
import requests
from httpserver import start

BASE = start()

r = requests.get(BASE + "/json")
print(r.status_code, r.raw.status, r.raw.read())
