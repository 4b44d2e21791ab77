# expect: unchanged
# The optional-dependency idiom: the module works without requests. Migrating would make it
# need httpx, or change the name the code tests: refused.
import sys

from httpserver import start

try:
    import requests
except ImportError:
    requests = None

print("httpx loaded with the module:", "httpx" in sys.modules)


def fetch(url):
    if requests is None:
        return "no requests"
    return requests.get(url).status_code


BASE = start()
print(fetch(BASE + "/json"))
