# expect: any
# `data=` given a generator of bytes (streamed upload) or a str variable.
import requests
from httpserver import refused_url, start

BASE = start()

def chunks():
    yield b"ab"
    yield b"cd"


payload = "raw=text"
r = requests.post(BASE + "/echo", data=payload)
print(r.json()["body"], r.json()["content_type"])
r = requests.post(BASE + "/echo", data=b"".join(chunks()))
print(r.json()["body"], r.json()["content_type"])
