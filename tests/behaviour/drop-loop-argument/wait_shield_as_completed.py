# `wait_for`, `wait`, `shield` and `as_completed` with `loop=`.
import asyncio


async def value(x, delay=0):
    await asyncio.sleep(delay)
    return x


async def main():
    loop = asyncio.get_running_loop()
    print(await asyncio.wait_for(value("in time"), 1, loop=loop))
    tasks = [asyncio.ensure_future(value(i), loop=loop) for i in range(3)]
    done, pending = await asyncio.wait(tasks, loop=loop)
    print(sorted(t.result() for t in done), len(pending))
    print(await asyncio.shield(value("shielded"), loop=loop))
    order = []
    for fut in asyncio.as_completed([value("slow", 0.03), value("fast", 0)], loop=loop):
        order.append(await fut)
    print(order)


asyncio.run(main())
