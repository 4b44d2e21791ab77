# expect: any
# A session used again after its `with` block (or after `close()`): requests reconnects,
# an httpx client raises RuntimeError once closed.
import requests
from httpserver import start

BASE = start()

with requests.Session() as s:
    print(s.get(BASE + "/json").status_code)
print(s.get(BASE + "/redirect").json()["path"])
t = requests.Session()
t.close()
print(t.get(BASE + "/json").status_code)
