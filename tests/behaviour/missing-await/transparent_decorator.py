# expect: rewritten
# differs: the coroutine now runs
# `@typing.final` and `@abc.abstractmethod` only set an attribute and return the function: the
# call still creates a coroutine that never runs, so it is found and fixed like an undecorated one
# (the rewritten program runs both coroutines; the original printed an empty list).
import abc
import warnings
import asyncio
import typing


@typing.final
async def save(log):
    await asyncio.sleep(0)
    log.append("saved")


class Base(abc.ABC):
    @abc.abstractmethod
    async def flush(self, log):
        log.append("base flush")


class Store(Base):
    @typing.final
    async def flush(self, log):
        log.append("flushed")

    async def put(self, log):
        self.flush(log)
        save(log)
        return log


async def main():
    print(await Store().put([]))


warnings.simplefilter("ignore")
asyncio.run(main())
