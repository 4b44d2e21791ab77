# expect: any
# A session kept on an object (`self.session = requests.Session()`) and used in methods.
import requests
from httpserver import start

BASE = start()


class Api:
    def __init__(self, base):
        self.base = base
        self.session = requests.Session()
        self.session.headers.update({"X-Api": "v1"})

    def path_of(self, path):
        r = self.session.get(self.base + path)
        r.raise_for_status()
        return r.json()["path"], r.json()["headers"]

    def close(self):
        self.session.close()


api = Api(BASE)
print(api.path_of("/redirect"))
try:
    api.path_of("/status/404")
except requests.HTTPError:
    print("HTTPError")
api.close()
