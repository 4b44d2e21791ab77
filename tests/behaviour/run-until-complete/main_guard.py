# The usual script ending, under `if __name__ == "__main__":`.
import asyncio


async def main():
    total = 0
    for i in range(5):
        await asyncio.sleep(0)
        total += i
    print("total", total)
    return total


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    code = loop.run_until_complete(main())
    loop.close()
    print("exit code", code - 10)
