# `timeout=0.2` against an endpoint that answers after 1 s: `requests.Timeout` and
# `requests.exceptions.ReadTimeout`; an explicit generous timeout is kept and succeeds.
import requests
from httpserver import start

BASE = start()

try:
    requests.get(BASE + "/slow?delay=1", timeout=0.2)
    print("not reached")
except requests.Timeout:
    print("Timeout caught")

try:
    requests.get(BASE + "/slow", params={"delay": "1"}, timeout=0.2)
    print("not reached")
except requests.exceptions.ReadTimeout:
    print("ReadTimeout caught")

r = requests.get(BASE + "/slow?delay=0.05", timeout=10)
print(r.status_code, r.text.strip())
r = requests.get(BASE + "/slow?delay=0.05")
print(r.status_code, r.text.strip())
