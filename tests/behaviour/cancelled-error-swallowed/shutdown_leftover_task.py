# asyncio.run cancels a background task left pending at exit; its handler prints, and the
# rewritten handler re-raises (asyncio.run expects that), with the same output.
import asyncio


async def background():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("background cleanup")


async def main():
    global keep
    keep = asyncio.create_task(background())
    await asyncio.sleep(0)
    print("main returns")


asyncio.run(main())
print("after run")
