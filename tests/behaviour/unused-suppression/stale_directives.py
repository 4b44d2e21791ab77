# Stale `# asyncup: ignore` directives are removed; the program, and a `#` inside a string
# that looks like a directive, are untouched.
import asyncio


async def main():
    await asyncio.sleep(0)  # asyncup: ignore[blocking-sleep]
    text = "# asyncup: ignore"  # asyncup: ignore
    # asyncup: ignore[no-such-transform]
    print(text, len(text))


asyncio.run(main())
