# A module-level `import requests` still used after the migration (`requests.utils`): it stays,
# and `import httpx` joins it.
import json

import requests
from httpserver import start


def fetch(url):
    return json.dumps(requests.get(url).json()["args"])


def quoted(path):
    return requests.utils.quote(path)


BASE = start()
print(fetch(BASE + "/json?" + "q=" + quoted("a b")))
