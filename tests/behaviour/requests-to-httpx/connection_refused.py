# A refused connection, caught as `requests.ConnectionError` and as
# `requests.exceptions.ConnectionError`.
import requests
from httpserver import refused_url

URL = refused_url()

try:
    requests.get(URL)
    print("not reached")
except requests.ConnectionError:
    print("ConnectionError caught")

try:
    requests.post(URL, data={"a": "1"})
    print("not reached")
except requests.exceptions.ConnectionError:
    print("exceptions.ConnectionError caught")

try:
    with requests.Session() as s:
        s.get(URL)
    print("not reached")
except requests.ConnectionError:
    print("session ConnectionError caught")
