# `requests` imported under `if __name__ == "__main__":`: the module's importers must not need
# httpx; the block imports it where it imported requests.
import sys

from httpserver import start

print("httpx loaded with the module:", "httpx" in sys.modules)


def helper(x):
    return x * 2


if __name__ == "__main__":
    import requests

    BASE = start()
    print(requests.get(BASE + "/json").status_code, helper(2))
