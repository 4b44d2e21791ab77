# expect: unchanged
# A statement that shares its line (`if flag: ...`, `x = 1; ...`) is reported without a fix.
import asyncio

seen = []


async def work(x):
    seen.append(x)


async def main(flag):
    if flag: asyncio.create_task(work("if"))
    x = 1; asyncio.create_task(work(x))
    await asyncio.sleep(0.01)
    print(sorted(map(str, seen)))


asyncio.run(main(True))
