# expect: unchanged
# A blocking call inside `with <threading lock>:` in `async def`: awaiting there deadlocks
# when another task takes the same lock.
import asyncio
import threading

import requests
from httpserver import refused_url, start

BASE = start()

lock = threading.Lock()


async def fetch():
    with lock:
        r = requests.get(BASE + "/json")
    return r.status_code


async def main():
    print(await asyncio.gather(fetch(), fetch()))


asyncio.run(main())
