# fixes: safe
# `import asyncio as aio`: spelled `aio.create_task`.
import asyncio as aio


async def ping(n):
    await aio.sleep(0)
    return f"pong {n}"


async def main():
    t = aio.ensure_future(ping(1))
    print(await t)


aio.run(main())
