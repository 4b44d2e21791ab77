# expect: any
# `r.url` passed on where a `str` is needed: `urlsplit`, `json.dumps`, `%` formatting,
# `str.join`, a dict key, `split`.
import json
from urllib.parse import urlsplit

import requests
from httpserver import start

BASE = start()

r = requests.get(BASE + "/json", params={"a": "1"})
print(urlsplit(r.url).path, urlsplit(r.url).query)
print(json.dumps({"url": r.url}).replace(BASE, "BASE"))
print(("%s" % r.url).removeprefix(BASE))
print(" ".join([r.url, "end"]).removeprefix(BASE))
print({BASE + "/json?a=1": "found"}[r.url])
print(r.url.split("?")[1])
