# expect: unchanged
# The optional-dependency idiom with a flag: `import requests` inside `try/except ImportError`.
# A module-level `import httpx` would make the module fail where httpx is not installed.
import sys

from httpserver import start

try:
    import requests

    HAS_REQUESTS = True
except ImportError:
    HAS_REQUESTS = False

print("httpx loaded with the module:", "httpx" in sys.modules)


def fetch(url):
    if not HAS_REQUESTS:
        return "no requests"
    return requests.get(url).status_code


BASE = start()
print(fetch(BASE + "/json"))
