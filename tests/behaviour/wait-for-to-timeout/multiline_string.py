# A multi-line string in the moved statement: its content must not be re-indented.
import asyncio


async def shout(text):
    await asyncio.sleep(0)
    return text.upper()


async def main():
    result = await asyncio.wait_for(shout("""first line
    second line, indented
no indent
"""), 1)
    print(repr(result))
    doc = await asyncio.wait_for(shout(f"""
  {len(result)} chars
"""), timeout=1)
    print(repr(doc))


asyncio.run(main())
