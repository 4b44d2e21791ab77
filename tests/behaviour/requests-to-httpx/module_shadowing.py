# The module is used at top level while a function has a parameter named `requests` (a dict):
# only the module's calls may be rewritten.
import requests
from httpserver import start

BASE = start()


def pick(requests):
    return requests.get("first", "none")


print(requests.get(BASE + "/json").json()["path"])
print(pick({"first": "from dict"}), pick({}))
