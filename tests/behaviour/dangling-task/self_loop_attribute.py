# `self.loop.create_task(...)` in a class.
import asyncio


class Service:
    def __init__(self, loop):
        self.loop = loop
        self.seen = []

    async def handle(self, x):
        await asyncio.sleep(0)
        self.seen.append(x)

    def submit(self, x):
        self.loop.create_task(self.handle(x))


async def main():
    service = Service(asyncio.get_running_loop())
    for x in "abc":
        service.submit(x)
    await asyncio.sleep(0.01)
    print(service.seen)


asyncio.run(main())
