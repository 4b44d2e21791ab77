# expect: any
# requests' errors are `OSError`s: an `except OSError` around the call catches them.
import requests
from httpserver import refused_url, start

BASE = start()

try:
    requests.get(refused_url())
except OSError as e:
    print("OSError", type(e).__name__)
