# expect: unchanged
# `hooks=` is refused (httpx has `event_hooks=` on the client, with a different shape).
import requests
from httpserver import start

BASE = start()


def show(response, *args, **kwargs):
    print("hook saw", response.status_code)


r = requests.get(BASE + "/json", hooks={"response": [show]})
print(r.status_code)
