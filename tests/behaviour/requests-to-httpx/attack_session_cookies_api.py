# expect: any
# The session's cookie jar: `get_dict()`, `set`, iteration of `Cookie` objects.
import requests
from httpserver import refused_url, start

BASE = start()

s = requests.Session()
s.get(BASE + "/cookies/set?a=1&b=2")
print(sorted(s.cookies.get_dict().items()))
print(sorted(c.name for c in s.cookies))
s.close()
