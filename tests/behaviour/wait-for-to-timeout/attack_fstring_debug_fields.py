# The awaited call sits in an f-string replacement field with `=`: the field prints its own
# source text, so any edit inside it changes the output.
import asyncio


async def work(x):
    await asyncio.sleep(0)
    return x


async def main():
    print(f"{await asyncio.wait_for(work(1), 1)=}")
    line = f"value: {await asyncio.wait_for(work(2), timeout=1) = }"
    print(line)
    plain = f"{await asyncio.wait_for(work(3), 1)}"
    print(plain)


asyncio.run(main())
