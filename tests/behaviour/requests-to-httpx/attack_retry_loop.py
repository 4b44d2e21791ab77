# expect: any
# A response read at the top of a retry loop comes from the previous iteration.
import requests
from httpserver import refused_url, start

BASE = start()

r = None
for attempt in range(3):
    if r is not None and r.ok:
        print("done after", attempt, r.reason)
        break
    r = requests.get(BASE + ("/status/503" if attempt == 0 else "/json"))
print(r.status_code)
