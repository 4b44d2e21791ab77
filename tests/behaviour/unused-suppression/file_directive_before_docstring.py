# asyncup: ignore-file[not-a-transform]
"""The module docstring stays the docstring."""
import asyncio


async def main():
    print(__doc__)


asyncio.run(main())
