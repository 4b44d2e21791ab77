# Tab-indented code: the TaskGroup block is indented with tabs.
import asyncio


async def value(x):
	await asyncio.sleep(0)
	return x


async def main():
	for i in range(2):
		if i >= 0:
			a, b = await asyncio.gather(value(i), value(-i))
			print(a, b)
	res = await asyncio.gather(value("x"), value("y"))
	print(res)


asyncio.run(main())
