# Exceptions from `requests` inside `async def`: HTTPError via raise_for_status, a refused
# connection, a timeout.
import asyncio

import requests
from httpserver import refused_url, start

BASE = start()


async def main():
    try:
        r = requests.get(BASE + "/status/404")
        r.raise_for_status()
        print("not reached")
    except requests.HTTPError:
        print("HTTPError", r.status_code)
    try:
        requests.get(refused_url())
        print("not reached")
    except requests.ConnectionError:
        print("ConnectionError")
    try:
        requests.get(BASE + "/slow?delay=1", timeout=0.2)
        print("not reached")
    except requests.Timeout:
        print("Timeout")
    r = requests.get(BASE + "/json")
    r.raise_for_status()
    print("200 passed")


asyncio.run(main())
