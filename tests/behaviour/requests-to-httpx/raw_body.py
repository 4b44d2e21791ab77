# `data="text"` and `data=b"bytes"` raw bodies (no Content-Type is sent for either).
import requests
from httpserver import start

BASE = start()

r = requests.post(BASE + "/echo", data="plain text")
print(r.json()["body"], r.json()["content_type"])
r = requests.post(BASE + "/echo", data=b"raw bytes")
print(r.json()["body"], r.json()["content_type"])
r = requests.put(BASE + "/echo", data="héllo".encode(), headers={"Content-Type": "text/plain"})
print(r.json()["body"], r.json()["content_type"])
