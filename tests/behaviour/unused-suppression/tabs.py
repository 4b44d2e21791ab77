# Tab indentation is kept.
import asyncio


async def main():
	if True:
		print("tabs")  # asyncup: ignore[bogus]


asyncio.run(main())
