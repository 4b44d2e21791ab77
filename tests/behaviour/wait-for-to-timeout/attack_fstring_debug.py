# expect: unchanged
# `{expr=}` prints the expression's own source text: any edit inside it changes the output.
import asyncio


async def value():
    return 3


async def main():
    print(f"{await asyncio.wait_for(value(), 1)=}")
    print(f"{await asyncio.wait_for(value(), timeout=1) = }")


asyncio.run(main())
