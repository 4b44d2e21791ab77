# expect: unchanged
# A retry loop whose bare except swallows cancellation: it only stops after its retries run out.
import asyncio


async def poll():
    attempts = 0
    for _ in range(3):
        attempts += 1
        try:
            await asyncio.sleep(3600)
        except:
            print("attempt", attempts, "interrupted")
    return attempts


async def main():
    task = asyncio.create_task(poll())
    for _ in range(3):
        await asyncio.sleep(0)
        task.cancel()
    print("attempts:", await task)


asyncio.run(main())
