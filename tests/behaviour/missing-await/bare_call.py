# A coroutine of this module called as a statement in `async def` never ran; the fix awaits
# it. Its own output goes to stderr (it did not run before the fix), the rest is the same.
import asyncio
import sys


async def audit(event):
    await asyncio.sleep(0)
    print("audited", event, file=sys.stderr)
    return event


async def main():
    print("before")
    audit("login")
    print("after")


asyncio.run(main())
