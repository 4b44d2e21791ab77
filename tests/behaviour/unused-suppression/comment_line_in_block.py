# A comment line of its own goes, and the block around it still holds its statements.
import asyncio


async def main():
    for i in range(2):
        # asyncup: ignore
        print(i)
    if True:
        # asyncup: ignore[nothing-here]
        pass
    print("done")


asyncio.run(main())
