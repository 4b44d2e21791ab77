# The loop kept on `self`; `from asyncio import ...` gets `to_thread` added.
from asyncio import get_running_loop, run


def upper(text):
    return text.upper()


class Service:
    async def start(self):
        self.loop = get_running_loop()

    async def shout(self, text):
        return await self.loop.run_in_executor(None, upper, text)


async def main():
    service = Service()
    await service.start()
    print(await service.shout("hello"))


run(main())
