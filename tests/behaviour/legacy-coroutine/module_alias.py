# `import asyncio as aio` and `@aio.coroutine` on methods, with `@staticmethod` above it.
import asyncio as aio


class Counter:
    def __init__(self):
        self.count = 0

    @aio.coroutine
    def bump(self, by):
        yield from aio.sleep(0)
        self.count += by
        return self.count

    @staticmethod
    @aio.coroutine
    def label(n):
        return f"count={n}"


@aio.coroutine
def main():
    c = Counter()
    yield from c.bump(2)
    n = yield from c.bump(3)
    print((yield from Counter.label(n)))


aio.run(main())
