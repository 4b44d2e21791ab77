# `try: loop.run_until_complete(...) finally: loop.close()` is unwrapped (no `finally: pass`
# left). A raising coroutine, a return value from inside the `try`, a multi-line string in the
# body and a second call of the function behave the same.
import asyncio


async def work(n):
    await asyncio.sleep(0)
    if n < 0:
        raise ValueError(f"negative: {n}")
    return n * 2


def entry(n):
    loop = asyncio.new_event_loop()
    try:
        value = loop.run_until_complete(work(n))
        text = """two
lines"""
        return value, text.splitlines()
    finally:
        loop.close()


print(entry(3))
print(entry(4))
try:
    entry(-1)
except ValueError as err:
    print("raised", err)
