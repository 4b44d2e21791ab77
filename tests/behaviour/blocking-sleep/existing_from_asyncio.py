# An existing `from asyncio import ...` gets `sleep` added; `time` stays for `monotonic`.
from asyncio import run
import time


async def main():
    before = time.monotonic()
    time.sleep(0.01)
    print(time.monotonic() >= before + 0.01)


run(main())
