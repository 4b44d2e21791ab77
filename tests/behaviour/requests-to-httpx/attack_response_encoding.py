# expect: any
# `r.encoding` read for a body without a charset, then assigned before reading `r.text`.
import requests
from httpserver import refused_url, start

BASE = start()

r = requests.get(BASE + "/text?charset=none")
print(r.encoding)
r = requests.get(BASE + "/text")
r.encoding = "latin-1"
print(repr(r.text))
