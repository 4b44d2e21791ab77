# `from requests.exceptions import HTTPError`; the handler reads the status and the reason of
# the response the exception carries (`exc.response.reason`).
import requests
from httpserver import start
from requests.exceptions import HTTPError

BASE = start()


def fetch(path):
    r = requests.get(BASE + path)
    r.raise_for_status()
    return r.json()["path"]


for path in ["/json", "/status/404", "/status/503"]:
    try:
        print("ok", fetch(path))
    except HTTPError as exc:
        print("HTTPError", exc.response.status_code, exc.response.reason)
