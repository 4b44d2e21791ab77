# Expression statement, return, augmented assignment and inside an expression.
import asyncio

calls = []


def record(x):
    calls.append(x)
    return x


async def compute():
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, record, "statement")
    total = 1
    total += await loop.run_in_executor(None, record, 2)
    print("sum", total + await loop.run_in_executor(None, record, 3))
    return await loop.run_in_executor(None, record, "returned")


print(asyncio.run(compute()), calls)
