# `# asyncup: ignore  # why`: the other comment takes its place.
import asyncio


async def main():
    x = [1, 2]  # asyncup: ignore  # kept explanation
    print(x)


asyncio.run(main())
