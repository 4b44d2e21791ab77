# expect: any
# `r.history`: the redirect responses, read for their attributes.
import requests
from httpserver import refused_url, start

BASE = start()

r = requests.get(BASE + "/chain/1")
print([h.status_code for h in r.history], [h.ok for h in r.history])
print([h.reason for h in r.history])
