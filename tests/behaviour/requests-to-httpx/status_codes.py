# `requests.codes` lookups compared with `status_code`.
import requests
from httpserver import start

BASE = start()

r = requests.get(BASE + "/json")
print(r.status_code == requests.codes.ok)
r = requests.get(BASE + "/status/404")
print(r.status_code == requests.codes.not_found, r.status_code == requests.codes.NOT_FOUND)
r = requests.get(BASE + "/status/418")
print(r.status_code == requests.codes.teapot)
print(requests.codes["ok"], requests.codes.temporary_redirect)
