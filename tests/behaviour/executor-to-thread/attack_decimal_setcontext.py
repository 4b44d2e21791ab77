# fixes: safe
# expect: any
# `decimal.setcontext` in the caller's task, a worker that formats money with the current
# context: rounding differs once the context is copied into the worker.
import asyncio
from decimal import ROUND_DOWN, Context, Decimal, getcontext, setcontext


def total(prices):
    return str(sum(Decimal(p) for p in prices) / Decimal(3)), getcontext().rounding


async def main():
    setcontext(Context(prec=3, rounding=ROUND_DOWN))
    loop = asyncio.get_running_loop()
    result = await loop.run_in_executor(None, total, ["1.239", "2.118"])
    print(result)


asyncio.run(main())
