# expect: any
# A response handed to a helper that reads requests-only attributes.
import requests
from httpserver import refused_url, start

BASE = start()

def describe(resp):
    return resp.ok, resp.reason


r = requests.get(BASE + "/status/404")
print(r.status_code, describe(r))
