# A statement-form gather over comprehensions: the tasks become `for` loops (no unused list);
# a loop variable that the function also uses keeps the list form (a loop's variable leaks).
import asyncio

seen = []


async def work(x):
    await asyncio.sleep(0.001 * (5 - x))
    seen.append(x)


async def main():
    await asyncio.gather(*[work(x) for x in range(3)])
    await asyncio.gather(*(work(x + y) for x in range(3) if x for y in range(2) if y >= 0))
    x = "kept"
    await asyncio.gather(*[work(x) for x in range(2)])
    print(sorted(seen), x)


asyncio.run(main())
