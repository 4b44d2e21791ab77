# Tab-indented code: the block is indented with tabs.
import asyncio


async def value(x):
	await asyncio.sleep(0)
	return x


async def main():
	for i in range(3):
		if i != 1:
			got = await asyncio.wait_for(value(i), 1)
			print("got", got)
	try:
		await asyncio.wait_for(asyncio.sleep(1), 0.05)
	except TimeoutError:
		print("timed out")


asyncio.run(main())
