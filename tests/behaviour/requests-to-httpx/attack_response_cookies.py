# expect: any
# `r.cookies`: requests' `RequestsCookieJar` API on the response.
import requests
from httpserver import refused_url, start

BASE = start()

r = requests.get(BASE + "/cookies/set?a=1")
print(r.cookies.get_dict(), r.cookies["a"], list(r.cookies.keys()))
