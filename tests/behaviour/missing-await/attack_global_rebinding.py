# expect: any
# `notify` is a module-level `async def`, but `use_sync_notifier()` rebinds it through
# `global` to a plain function. The bare call then runs it; `await notify(...)` would raise.
import asyncio


async def notify(msg):
    await asyncio.sleep(0)


def use_sync_notifier():
    global notify

    def notify(msg):
        print("notified", msg)


async def main():
    use_sync_notifier()
    try:
        notify("hello")
        print("done")
    except TypeError as exc:
        print("TypeError:", exc)


asyncio.run(main())
