# expect: any
# fixes: safe
# The callee's receiver is a call that does slow synchronous work (opening a connection):
# with `wait_for` it runs before the deadline starts.
import asyncio
import time


class Connection:
    async def fetch(self):
        await asyncio.sleep(0.01)
        return "row"


def connect():
    time.sleep(0.3)
    return Connection()


async def main():
    try:
        row = await asyncio.wait_for(connect().fetch(), timeout=0.2)
        print(row)
    except TimeoutError:
        print("timed out")


asyncio.run(main())
