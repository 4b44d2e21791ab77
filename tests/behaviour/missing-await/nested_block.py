# The call sits in nested blocks (`if`, `for`, `with`, `try`).
import asyncio
import contextlib
import sys


async def note(x):
    print("note", x, file=sys.stderr)


async def main():
    total = 0
    for i in range(3):
        if i % 2:
            note(i)
        with contextlib.suppress(KeyError):
            try:
                note("try")
            finally:
                total += i
    print(total)


asyncio.run(main())
