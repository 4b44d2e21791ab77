# `from asyncio import TimeoutError as AsyncTimeout`: the alias goes, `sleep` stays imported.
from asyncio import TimeoutError as AsyncTimeout, run, sleep, wait_for


async def main():
    try:
        await wait_for(sleep(1), 0.01)
    except AsyncTimeout as exc:
        print("caught", type(exc).__name__)


run(main())
