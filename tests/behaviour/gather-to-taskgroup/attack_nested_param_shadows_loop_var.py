# The loop variable of the gathered comprehension is also the parameter of a nested function:
# written as a `for` loop (the nested `i` is its own). A closure that reads an outer `i`
# keeps the list form, so the outer `i` is never rebound.
import asyncio

log = []


async def run_all():
    async def one(i):
        await asyncio.sleep(0)
        log.append(i)

    await asyncio.gather(*[one(i) for i in range(3)])


async def closure_reads_outer():
    i = "outer"

    async def one(n):
        await asyncio.sleep(0)
        log.append((n, i))

    await asyncio.gather(*[one(i) for i in range(2)])
    return i


async def main():
    await run_all()
    print(await closure_reads_outer())
    print(sorted(log, key=str))


asyncio.run(main())
