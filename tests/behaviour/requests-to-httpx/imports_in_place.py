# A module-level `import requests` that the migration leaves unused: replaced in place.
import json

import requests  # the HTTP client
from httpserver import start


def fetch(url):
    r = requests.get(url, timeout=5)
    return json.dumps(r.json()["path"]), r.ok


BASE = start()
print(fetch(BASE + "/redirect"))
