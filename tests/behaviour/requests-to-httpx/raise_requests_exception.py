# expect: any
# The program raises requests exceptions itself and catches them; `isinstance` checks outside
# an `except`.
import requests
from httpserver import start

BASE = start()


def check(r):
    if r.status_code >= 400:
        raise requests.HTTPError(f"bad status {r.status_code}", response=r)
    return r.status_code


try:
    check(requests.get(BASE + "/status/404"))
except requests.HTTPError as exc:
    print("caught own HTTPError", exc.response.status_code)
print(check(requests.get(BASE + "/json")))
try:
    raise requests.ConnectionError("made up")
except requests.RequestException as exc:
    print("caught", isinstance(exc, requests.ConnectionError))
