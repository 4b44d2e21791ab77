# `r.url` used as a string: `.startswith`, `.endswith`, `+`, formatting, comparison, after a
# redirect and with query parameters.
import requests
from httpserver import start

BASE = start()

r = requests.get(BASE + "/json")
print(r.url.startswith(BASE), r.url.endswith("/json"))
print((r.url + "?page=2").removeprefix(BASE))
print(f"{r.url}".removeprefix(BASE))
print(r.url == BASE + "/json")
r = requests.get(BASE + "/redirect")
print(r.url.removeprefix(BASE))
r = requests.get(BASE + "/json", params={"q": "a b", "n": 1})
print(r.url.split("?", 1)[1])
print(len(r.url) - len(BASE))
