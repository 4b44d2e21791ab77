# The directive goes; the `# noqa` before it stays.
import asyncio


async def main():
    value = 1  # noqa: F841  # asyncup: ignore[tpyo-id]
    print(value)


asyncio.run(main())
