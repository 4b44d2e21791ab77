# A `requests` import local to a function: the migrated function imports httpx there, and
# loading the module still needs neither library.
import sys

from httpserver import start

print("httpx loaded with the module:", "httpx" in sys.modules)


def fetch(url):
    import requests

    return requests.get(url, params={"q": "local"}).json()["args"]


def fetch_aliased(url):
    import requests as rq  # the HTTP client

    return rq.get(url).status_code


def fetch_by_name(url):
    from requests import Session, get

    with Session() as s:
        return get(url).json()["path"], s.get(url).json()["method"]


class Client:
    def post(self, url):
        import requests

        return requests.post(url, json={"a": 1}).json()["content_type"]


BASE = start()
print(fetch(BASE + "/json"))
print(fetch_aliased(BASE + "/json"))
print(fetch_by_name(BASE + "/redirect"))
print(Client().post(BASE + "/echo"))
print("module globals:", sorted(n for n in ("httpx", "requests", "rq") if n in globals()))
