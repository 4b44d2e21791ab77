# `except ValueError` and `except requests.exceptions.JSONDecodeError` around `.json()`.
import requests
from httpserver import refused_url, start

BASE = start()

r = requests.get(BASE + "/text")
try:
    r.json()
except ValueError:
    print("ValueError")
try:
    requests.get(BASE + "/text").json()
except requests.exceptions.JSONDecodeError as e:
    print("JSONDecodeError", e.msg, e.pos)
