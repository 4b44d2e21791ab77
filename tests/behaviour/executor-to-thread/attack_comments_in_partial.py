# Comments inside the `run_in_executor(...)` call must survive the rewrite: the program counts
# its own comment lines (they must be the same before and after) and runs the work.
import asyncio
import functools
import time
import tokenize


def comment_count():
    with open(__file__, encoding="utf-8") as f:
        return sum(1 for t in tokenize.generate_tokens(f.readline) if t.type == tokenize.COMMENT)


def wait_and_sum(a, b, *, scale):
    time.sleep(0)
    return (a + b) * scale


async def main():
    loop = asyncio.get_running_loop()
    value = await loop.run_in_executor(
        None,  # the default pool
        functools.partial(
            wait_and_sum,  # the callee
            1,
            scale=10,  # keyword kept
        ),
        2,  # extra argument
    )
    print(value, comment_count())


asyncio.run(main())
