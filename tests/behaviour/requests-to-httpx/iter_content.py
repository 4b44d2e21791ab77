# `iter_content(4)` chunks and `iter_content()` (1-byte chunks), joined and counted.
import requests
from httpserver import start

BASE = start()

r = requests.get(BASE + "/bytes?n=10")
print(list(r.iter_content(4)))
print(b"".join(r.iter_content()))
print(sum(1 for _ in r.iter_content()))
r = requests.get(BASE + "/bytes", params={"n": 100})
chunks = [len(chunk) for chunk in r.iter_content(32)]
print(chunks)
print(list(requests.get(BASE + "/bytes?n=0").iter_content(4)))
