# `from asyncio import wait_for` while `timeout` is a parameter, a module constant, a loop
# variable or a local assigned later in the function: the rewrite must not call the number.
from asyncio import run, sleep, wait_for

timeout = 0.5


async def value(x):
    await sleep(0)
    return x


async def fetch(timeout):
    return await wait_for(value("with parameter"), timeout)


async def local_later():
    got = await wait_for(value("local assigned later"), 1)
    timeout = 5
    return got, timeout


async def loop_variable():
    for timeout in [1]:
        pass
    return await wait_for(value("loop variable"), timeout)


async def main():
    print(await fetch(1))
    print(await local_later())
    print(await loop_variable())
    got = await wait_for(value("with constant"), timeout)
    print(got)
    try:
        await wait_for(sleep(1), timeout / 10)
    except TimeoutError:
        print("timed out")


run(main())
