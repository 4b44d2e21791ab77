# Arguments over several lines with comments after the function: kept as written.
import asyncio


def join(*parts):
    return "/".join(parts)


async def main():
    loop = asyncio.get_running_loop()
    path = await loop.run_in_executor(
        None, join,  # the function
        "usr",  # first
        "lib",
    )
    print(path)


asyncio.run(main())
