"""A project module that programs star-import (not a program itself): it binds names a
rewrite reads or emits, the way a project's own helpers module might."""

import types


class TimeoutError(Exception):  # noqa: A001 - a project's own TimeoutError
    """Not the builtin: `except TimeoutError` catches only this."""


class _FakeTime:
    def __init__(self):
        self.slept = []

    def sleep(self, seconds):
        self.slept.append(seconds)

    def monotonic(self):
        return 0.0


time = _FakeTime()
asyncio_shim = types.SimpleNamespace()
background_tasks = ["not a set"]
