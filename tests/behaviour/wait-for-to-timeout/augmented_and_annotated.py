# Augmented and annotated assignments, including one whose target is an attribute.
import asyncio


class Box:
    total = 0


async def value(x):
    await asyncio.sleep(0)
    return x


async def main():
    total = 10
    total += await asyncio.wait_for(value(5), 1)
    print(total)
    count: int = await asyncio.wait_for(value(3), timeout=1)
    print(count)
    box = Box()
    box.total -= await asyncio.wait_for(value(7), 1)
    print(box.total)
    items: list[int] = []
    items += await asyncio.wait_for(value([1, 2]), 1)
    print(items)
    try:
        total += await asyncio.wait_for(asyncio.sleep(1, 100), 0.05)
    except TimeoutError:
        print("timed out, total still", total)


asyncio.run(main())
