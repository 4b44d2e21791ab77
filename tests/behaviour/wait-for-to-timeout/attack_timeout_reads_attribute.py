# expect: any
# fixes: safe
# Evaluating the awaitable expression changes the attribute the timeout reads: `wait_for`
# reads `settings.timeout` after `settings.start()` ran, `timeout(...)` would read it before.
import asyncio


class Settings:
    timeout = 0.01

    def start(self):
        self.timeout = 1.0
        return self.work()

    async def work(self):
        await asyncio.sleep(0.1)
        return "finished"


settings = Settings()


async def main():
    try:
        value = await asyncio.wait_for(settings.start(), settings.timeout)
        print(value)
    except TimeoutError:
        print("timed out")


asyncio.run(main())
