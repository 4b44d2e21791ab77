# expect: rewritten
# The receiver and the arguments are evaluated on the loop's thread, in the same order as
# before; only the method call moves to the worker thread.
import asyncio
import shutil
import tempfile
import threading
from pathlib import Path

log = []


def where():
    return "main" if threading.current_thread() is threading.main_thread() else "worker"


def folder(tmp):
    log.append(("folder", where()))
    return tmp


def payload():
    log.append(("payload", where()))
    return "data"


async def main():
    tmp = tempfile.mkdtemp()
    try:
        written = Path(folder(tmp), "x.txt").write_text(payload())
        log.append(("written", written))
        print(log)

    finally:
        shutil.rmtree(tmp)


asyncio.run(main())
