"""A small legacy asyncio service: the sample `asyncup diff` runs on (see README)."""
import asyncio
from asyncio import gather


async def fetch_user(user_id):
    await asyncio.sleep(0.01)
    return {"id": user_id, "name": f"user-{user_id}"}


async def fetch_orders(user_id):
    await asyncio.sleep(0.01)
    return [{"user": user_id, "total": 10 * user_id}]


async def load_profile(user_id):
    # Both requests run concurrently; give up after five seconds.
    user, orders = await asyncio.wait_for(
        gather(fetch_user(user_id), fetch_orders(user_id)),
        timeout=5,
    )
    return {"user": user, "orders": orders}


async def load_many(user_ids):
    profiles = await gather(*[load_profile(uid) for uid in user_ids])
    return profiles


async def health_check(queue):
    try:
        item = await asyncio.wait_for(queue.get(), 0.1)
    except asyncio.TimeoutError:
        return "idle"
    return f"busy: {item}"


async def main():
    print(await load_many([1, 2]))
    print(await health_check(asyncio.Queue()))


if __name__ == "__main__":
    asyncio.run(main())
