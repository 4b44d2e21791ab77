# A user's own function with a `loop=` parameter is never touched; asyncio's is.
import asyncio


def describe(name, loop=None):
    return f"{name}: loop given: {loop is not None}"


class Client:
    def __init__(self, loop=None):
        self.loop = loop


async def main():
    loop = asyncio.get_running_loop()
    print(describe("mine", loop=loop))
    print(Client(loop=loop).loop is loop)
    await asyncio.sleep(0, loop=loop)
    print("slept")


asyncio.run(main())
