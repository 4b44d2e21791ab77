# expect: any
# Responses that leave the function that made them (returned, stored in a list, taken from
# `history`): `.ok`, `.reason`, `.url` and `.iter_content` on them must still work.
import requests
from httpserver import start

BASE = start()


def fetch(path):
    return requests.get(BASE + path)


r = fetch("/status/404")
print(r.ok, r.reason)
responses = [requests.get(BASE + p) for p in ("/json", "/status/500")]
print([x.ok for x in responses], [x.reason for x in responses])
r = requests.get(BASE + "/redirect")
first = r.history[0]
print(first.status_code, first.ok, first.url.removeprefix(BASE))
print(b"".join(fetch("/bytes?n=6").iter_content(4)))
