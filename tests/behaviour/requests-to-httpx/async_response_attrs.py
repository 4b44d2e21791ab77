# Response attributes inside `async def`: url as a string, reason, iter_content, text.
import asyncio

import requests
from httpserver import start

BASE = start()


async def main():
    r = requests.get(BASE + "/redirect")
    print(r.url.startswith(BASE), r.url.removeprefix(BASE))
    print(r.reason)
    r = requests.get(BASE + "/bytes?n=9")
    print(list(r.iter_content(4)), b"".join(r.iter_content()))
    r = requests.get(BASE + "/text")
    print(r.text.strip(), r.headers["Content-Type"])


asyncio.run(main())
