# fixes: safe
# expect: any
# `fetch` is a module-level `async def`, but `install_cache()` rebinds it through `global`
# to a function that returns a Future. A safe fix must not turn the call into a TypeError.
import asyncio


async def fetch(key):
    return f"fetched {key}"


def install_cache():
    global fetch

    def fetch(key):
        fut = asyncio.get_running_loop().create_future()
        fut.set_result(f"cached {key}")
        return fut


async def main():
    print(await asyncio.ensure_future(fetch("a")))
    install_cache()
    try:
        print(await asyncio.ensure_future(fetch("b")))
    except TypeError as exc:
        print("TypeError", "coroutine" in str(exc))


asyncio.run(main())
