# `requests` imported under `if TYPE_CHECKING:` for annotations, and locally where it is used.
from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from httpserver import start

if TYPE_CHECKING:
    import requests

print("httpx loaded with the module:", "httpx" in sys.modules)


def status(response: requests.Response) -> int:
    return response.status_code


def fetch(url) -> requests.Response:
    import requests

    return requests.get(url)


BASE = start()
print(status(fetch(BASE + "/json")))
print("module globals:", sorted(n for n in ("httpx", "requests") if n in globals()))
