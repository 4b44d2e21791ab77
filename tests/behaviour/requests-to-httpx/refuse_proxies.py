# expect: unchanged
# `proxies=` is refused. The proxy given is for https only, so this http request goes direct.
import requests
from httpserver import start

BASE = start()

r = requests.get(BASE + "/json", proxies={"https": "http://127.0.0.1:9"})
print(r.status_code, r.json()["path"])
