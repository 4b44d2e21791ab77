# expect: unchanged
# `connect_timeout`, `read_timeout`: other names, not findings; `timeout` in `**kwargs` neither.
import asyncio


async def connect(host, connect_timeout=1, read_timeout=2, **kwargs):
    await asyncio.sleep(0)
    return host, connect_timeout, read_timeout, kwargs.get("timeout")


async def main():
    print(await connect("h", timeout=3))


asyncio.run(main())
