# expect: any
# A `(connect, read)` timeout tuple held in a variable.
import requests
from httpserver import refused_url, start

BASE = start()

limits = (2, 0.2)
try:
    requests.get(BASE + "/slow?delay=1", timeout=limits)
    print("not reached")
except requests.Timeout:
    print("Timeout")
