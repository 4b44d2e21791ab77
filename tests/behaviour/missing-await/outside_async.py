# expect: unchanged
# Outside `async def` (module level, a plain def, a nested def, a lambda) the call is
# reported only: `await` is not possible there.
import asyncio


async def job():
    print("job ran")


def sync_caller():
    job()


async def main():
    def inner():
        job()
    inner()
    cb = lambda: job()
    cb()
    print("main done")


job()
sync_caller()
asyncio.run(main())
