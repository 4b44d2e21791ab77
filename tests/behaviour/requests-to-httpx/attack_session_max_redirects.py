# expect: any
# `s.max_redirects` set on the session, then too many redirects.
import requests
from httpserver import refused_url, start

BASE = start()

s = requests.Session()
s.max_redirects = 2
try:
    s.get(BASE + "/chain/4")
    print("not reached")
except requests.TooManyRedirects:
    print("TooManyRedirects")
s.close()
