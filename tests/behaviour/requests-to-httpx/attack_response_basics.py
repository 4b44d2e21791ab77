# The common response attributes: text, content, status_code, url, reason, ok.
import requests
from httpserver import refused_url, start

BASE = start()

r = requests.get(BASE + "/redirect")
print(r.status_code, r.reason, r.ok, r.url.endswith("/json"), len(r.content), r.text[:1])
r = requests.get(BASE + "/status/404")
print(r.status_code, r.reason, r.ok)
print("url: %s" % r.url.replace(BASE, ""))
