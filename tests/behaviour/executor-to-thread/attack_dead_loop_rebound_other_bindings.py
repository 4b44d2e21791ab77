# fixes: safe
# `loop` is bound by `loop = asyncio.get_running_loop()` and also by a for target, a with-as,
# a walrus, an augmented assignment, `global`, `nonlocal` or a nested function, and every
# `run_in_executor` call is rewritten: no assignment may go while another binding or reader of
# the name is left (each function reads the name after its calls).
import asyncio
import contextlib
import os

loop = "module"


async def for_target():
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, os.getcwd)
    for loop in [asyncio.get_running_loop()]:
        await loop.run_in_executor(None, os.getcwd)
    print("for", loop is asyncio.get_running_loop())


async def with_as():
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, os.getcwd)
    with contextlib.nullcontext(asyncio.get_running_loop()) as loop:
        await loop.run_in_executor(None, os.getcwd)
    print("with", loop is asyncio.get_running_loop())


async def walrus():
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, os.getcwd)
    if (loop := asyncio.get_running_loop()) is not None:
        await loop.run_in_executor(None, os.getcwd)
    print("walrus", loop is asyncio.get_running_loop())


async def augmented():
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, os.getcwd)
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, os.getcwd)
    loop = [loop]
    loop += [None]
    print("augmented", len(loop))


async def global_name(flag):
    global loop
    if flag:
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(None, os.getcwd)
    else:
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(None, os.getcwd)


async def nonlocal_name():
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, os.getcwd)

    async def inner():
        nonlocal loop
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(None, os.getcwd)

    await inner()
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, os.getcwd)
    return inner


async def nested_function():
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, os.getcwd)

    def loop():
        return "function"

    print("nested", loop())
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, os.getcwd)


async def main():
    await for_target()
    await with_as()
    await walrus()
    await augmented()
    await global_name(True)
    print("global", loop is not None and loop != "module")
    await global_name(False)
    print("global", loop is not None and loop != "module")
    await nonlocal_name()
    await nested_function()


asyncio.run(main())
