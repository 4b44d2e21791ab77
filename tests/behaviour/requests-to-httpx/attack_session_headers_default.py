# expect: any
# The session's default headers (requests: User-Agent, Accept-Encoding, Accept, Connection).
import requests
from httpserver import refused_url, start

BASE = start()

s = requests.Session()
s.headers.update({"X-App": "1"})
print(sorted(k.lower() for k in s.headers))
s.close()
