"""The app's periodic background work (the usage meter's flush, the modules' warm-ups): one task
per kind, run every few seconds or minutes while the app runs."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Awaitable, Callable

log = logging.getLogger(__name__)


@contextlib.asynccontextmanager
async def repeating(run: Callable[[], Awaitable[object]], every: float, name: str) -> AsyncIterator[None]:
    """Run ``run`` every ``every`` seconds in a task named ``name`` while the block runs.

    Stopped between runs, never cancelled in one: a run cut short after its commit would not know
    that its work was saved. A run that fails is logged; the next one tries again."""
    stopping = asyncio.Event()

    async def loop() -> None:
        while True:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stopping.wait(), every)
            if stopping.is_set():
                return
            try:
                await run()
            except Exception:  # never let the loop die
                log.exception("%s failed", name)

    task = asyncio.create_task(loop(), name=name)
    try:
        yield
    finally:
        stopping.set()
        await task
