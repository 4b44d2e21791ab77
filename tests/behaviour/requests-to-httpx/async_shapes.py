# expect: any
# Blocking calls inside `async def` in shapes that cannot simply be hoisted: a comprehension,
# an `if` header, a `while` header, a conditional expression, `and`/`or` short-circuits.
import asyncio

import requests
from httpserver import start

BASE = start()


async def main():
    codes = [requests.get(BASE + p).status_code for p in ("/json", "/status/404")]
    print(codes)
    if requests.get(BASE + "/json").ok:
        print("if header ok")
    n = 0
    while requests.get(BASE + "/json", params={"n": n}).json()["args"]["n"] != ["2"]:
        n += 1
    print("while ran", n)
    fast = True
    r = requests.get(BASE + "/json") if fast else requests.get(BASE + "/slow?delay=5")
    print(r.status_code)
    skip = True
    print(skip or requests.get(BASE + "/slow?delay=5").status_code)


asyncio.run(main())
