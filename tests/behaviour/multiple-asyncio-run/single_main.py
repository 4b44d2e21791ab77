# expect: unchanged
# One `asyncio.run(main())` awaiting the steps: the recommended shape.
import asyncio


async def setup():
    return "configured"


async def serve(state):
    return f"served with {state}"


async def main():
    state = await setup()
    print(await serve(state))


if __name__ == "__main__":
    asyncio.run(main())
