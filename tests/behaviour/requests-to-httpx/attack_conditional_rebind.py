# expect: any
# The response name rebound on one branch only; the attribute read after it may be either.
import requests
from httpserver import refused_url, start

BASE = start()

class Cached:
    ok = True
    reason = "cached"


def fetch(use_cache):
    r = requests.get(BASE + "/json")
    if use_cache:
        r = Cached()
    return r.ok, r.reason


print(fetch(False))
print(fetch(True))
