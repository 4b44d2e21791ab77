# `from time import sleep`: the import goes away once unused; `import asyncio` is added.
from time import sleep


async def main():
    sleep(0.01)
    print("slept once")
    sleep(0)
    print("slept twice")


if __name__ == "__main__":
    import asyncio as _runner

    _runner.run(main())
    print("done")
