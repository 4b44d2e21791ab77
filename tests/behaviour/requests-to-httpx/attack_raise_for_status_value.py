# expect: any
# The value of `r.raise_for_status()`: requests returns None, httpx the response.
import requests
from httpserver import refused_url, start

BASE = start()

r = requests.get(BASE + "/json")
result = r.raise_for_status()
print(result)
