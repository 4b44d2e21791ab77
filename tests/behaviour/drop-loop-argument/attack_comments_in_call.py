# The comment on the argument that stays survives the removal of `loop=` (the removed
# argument's own comment may go), and the other arguments keep their values.
import asyncio
import tokenize


def comments():
    with open(__file__, encoding="utf-8") as f:
        return [t.string for t in tokenize.generate_tokens(f.readline) if t.type == tokenize.COMMENT]


async def main():
    loop = asyncio.get_running_loop()
    queue = asyncio.Queue(
        2,  # maxsize
        loop=loop,  # legacy argument
    )
    await queue.put("x")
    print(queue.maxsize, queue.qsize(), "# maxsize" in comments())


asyncio.run(main())
