# expect: unchanged
# An `os.path` test in a condition is not a whole statement, assignment or `return` value:
# reported without a fix.
import asyncio
import os.path
import tempfile


async def main():
    with tempfile.TemporaryDirectory() as tmp:
        if os.path.exists(tmp) and not os.path.isfile(tmp):
            print("a folder")
        print([os.path.isdir(p) for p in (tmp, tmp + "-missing")])


asyncio.run(main())
