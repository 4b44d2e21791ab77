# expect: unchanged
# The blocking call sits in a `try` inside a `with self._lock:` block of a method: still under
# the lock, still refused.
import asyncio
import subprocess
import sys
import threading


class Builder:
    def __init__(self):
        self._lock = threading.RLock()
        self.log = []

    async def build(self):
        with self._lock:
            try:
                result = subprocess.run([sys.executable, "-c", "print('built')"], capture_output=True, text=True)
            finally:
                self.log.append("released")
        return result.stdout.strip()

    async def peek(self):
        await asyncio.sleep(0)
        got = self._lock.acquire(timeout=2)
        self.log.append(f"peek {got}")
        if got:
            self._lock.release()


async def main():
    b = Builder()
    out, _ = await asyncio.gather(b.build(), b.peek())
    print(out, b.log)


asyncio.run(main())
