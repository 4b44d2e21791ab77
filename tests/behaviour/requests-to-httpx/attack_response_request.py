# expect: any
# `r.request.*`: requests' `PreparedRequest` (`body`, `path_url`, `url` as `str`).
import requests
from httpserver import refused_url, start

BASE = start()

r = requests.post(BASE + "/echo?x=1", data={"a": "b"})
print(r.request.method, r.request.url.startswith("http"), r.request.path_url)
print(r.request.body, r.request.headers["Content-Type"])
