# A comment between the executor and the function: the rewrite splices around it.
import asyncio
import os
import tokenize


def comment_count():
    with open(__file__, encoding="utf-8") as f:
        return sum(1 for t in tokenize.generate_tokens(f.readline) if t.type == tokenize.COMMENT)


async def main():
    loop = asyncio.get_running_loop()
    cwd = await loop.run_in_executor(
        None,  # default executor: a thread
        # getcwd reads no context
        os.getcwd,
    )
    print(cwd == os.getcwd(), comment_count())


asyncio.run(main())
