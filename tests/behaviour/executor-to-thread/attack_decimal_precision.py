# fixes: safe
# expect: any
# The caller narrows `decimal`'s precision with `localcontext()`; the worker divides.
# `run_in_executor` ran the worker in the thread's own context (default precision 28),
# `to_thread` copies the caller's context: the worker would see precision 5. No
# `contextvars` import anywhere: decimal keeps its context in a context variable itself.
import asyncio
import decimal


def divide():
    return str(decimal.Decimal(1) / decimal.Decimal(7))


async def main():
    loop = asyncio.get_running_loop()
    with decimal.localcontext() as ctx:
        ctx.prec = 5
        here = str(decimal.Decimal(1) / decimal.Decimal(7))
        there = await loop.run_in_executor(None, divide)
    print("caller:", here)
    print("worker:", there)


asyncio.run(main())
