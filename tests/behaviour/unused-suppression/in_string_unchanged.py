# expect: unchanged
# Directive-like text inside strings is not a comment.
import asyncio

DOC = """
# asyncup: ignore
# asyncup: skip-file
"""


async def main():
    print(DOC.count("asyncup"), "# asyncup: ignore[x]")


asyncio.run(main())
