# expect: unchanged
# `while not self.ready: await asyncio.sleep(...)` in a method.
import asyncio


class Service:
    def __init__(self):
        self.ready = False

    async def start(self):
        await asyncio.sleep(0.002)
        self.ready = True

    async def wait_ready(self):
        while not self.ready:
            await asyncio.sleep(0.001)
        return "service ready"


async def main():
    service = Service()
    starter = asyncio.create_task(service.start())
    print(await service.wait_ready())
    await starter


asyncio.run(main())
