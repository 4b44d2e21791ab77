# Names resolved through imports: `import asyncio as aio` and `from asyncio import
# CancelledError`; the re-raise is spelled with the file's own binding.
import asyncio as aio
from asyncio import CancelledError


async def child():
    await aio.sleep(10)


async def main():
    t = aio.create_task(child())
    await aio.sleep(0)
    aio.get_running_loop().call_soon(t.cancel)
    try:
        await aio.sleep(0.01)
        await t
    except CancelledError:
        print("child cancelled, main cancelling =", aio.current_task().cancelling())
    print("main done")


aio.run(main())
