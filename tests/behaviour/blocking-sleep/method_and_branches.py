# In methods, branches and loops; a duration held in a variable.
import asyncio
import time


class Poller:
    def __init__(self, delay):
        self.delay = delay
        self.polls = 0

    async def poll(self, times):
        for _ in range(times):
            if self.delay:
                time.sleep(self.delay)
            else:
                time.sleep(0)
            self.polls += 1
        return self.polls


async def main():
    print(await Poller(0.005).poll(3))
    print(await Poller(0).poll(2))


asyncio.run(main())
