# expect: unchanged
# What the finding suggests: an `asyncio.Event` set where the condition changes gives the
# waiter the same result as the polling loop.
import asyncio


class Polled:
    def __init__(self):
        self.value = None

    async def wait(self):
        while self.value is None:
            await asyncio.sleep(0.001)
        return self.value


class Evented:
    def __init__(self):
        self.value = None
        self.event = asyncio.Event()

    def set(self, value):
        self.value = value
        self.event.set()

    async def wait(self):
        await self.event.wait()
        return self.value


async def main():
    polled, evented = Polled(), Evented()
    loop = asyncio.get_running_loop()
    loop.call_later(0.003, setattr, polled, "value", 42)
    loop.call_later(0.003, evented.set, 42)
    print(await polled.wait(), await evented.wait())


asyncio.run(main())
