# `asyncio.run(main())` runs between two imports: the task set must exist before it, not after
# the last import (the program would raise NameError inside `main`).
import asyncio

done = []


async def job(name):
    await asyncio.sleep(0)
    done.append(name)


async def main():
    asyncio.create_task(job("early"))
    await asyncio.sleep(0.01)
    print(done)


asyncio.run(main())

import json  # noqa: E402

print(json.dumps(done))
