# expect: unchanged
# `stream=True` is refused (httpx streams through `client.stream(...)`, a context manager).
import requests
from httpserver import start

BASE = start()

r = requests.get(BASE + "/bytes?n=10", stream=True)
print(r.status_code, list(r.iter_content(4)))
r.close()
