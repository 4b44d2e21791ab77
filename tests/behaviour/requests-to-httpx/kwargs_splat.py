# expect: any
# `**kwargs` may hold `timeout=` or `allow_redirects=`: adding `timeout=None` or
# `follow_redirects=True` next to it would pass them twice (TypeError) or drop the mapping.
import requests
from httpserver import start

BASE = start()


def fetch(url, **kwargs):
    r = requests.get(url, **kwargs)
    return r.status_code


print(fetch(BASE + "/redirect"))
print(fetch(BASE + "/redirect", allow_redirects=False))
print(fetch(BASE + "/slow?delay=0.05", timeout=5))
options = {"params": {"a": "1"}}
print(requests.get(BASE + "/json", **options).json()["args"])
try:
    fetch(BASE + "/slow?delay=1", timeout=0.2)
except requests.Timeout:
    print("Timeout")
