"""The modules' warm-up paths (``ModuleSpec.warm_up``): run as each server process starts, and
again every few minutes while it runs.

A path that must answer fast the first time it runs (venue audio's fire alarm) cannot wait for
SQLAlchemy to compile its statements: the first call of a process pays that, twice the time of
the next calls. So the app's start runs each such path once, in a unit of work that is rolled
back: its statements are in the engine's compiled cache when the first real call comes, and
nothing of the run is ever visible. The cache keeps the statements used last (an LRU of
``query_cache_size`` entries): a path that runs once a year would drop out of it while the rest of
the product runs, so the paths run again every ``WARM_UP_EVERY_SECONDS``.

A warm-up that fails is logged as an error with its traceback (the path it rehearses is then
likely broken too) and the server runs all the same. A warm-up must never commit: its session
refuses to (:class:`WarmUpCommitted`), so a service on the path that commits by itself fails the
rehearsal instead of leaving its rows behind every ten minutes.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import AsyncIterator

from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlalchemy.orm import Session

from bizsuite.core.background import repeating
from bizsuite.core.unit_of_work import UnitOfWork
from bizsuite.kit import Registry

log = logging.getLogger(__name__)

#: A warm-up taking longer than this (a database that does not answer) is given up.
WARM_UP_SECONDS = 10.0
#: How often the paths run again while the server runs.
WARM_UP_EVERY_SECONDS = 600.0


class WarmUpCommitted(RuntimeError):
    """A warm-up tried to commit: what it rehearses would have been kept."""


def _refuse_commit(_session: Session) -> None:
    raise WarmUpCommitted("a warm-up must not commit: everything it does is rolled back")


async def warm_up(areas: Registry, sessionmaker: async_sessionmaker[AsyncSession]) -> None:
    """Run every area's warm-up once, each in its own unit of work, rolled back."""
    for name, path in areas.warm_ups.items():
        work = UnitOfWork(sessionmaker)
        event.listen(work.session.sync_session, "before_commit", _refuse_commit)
        started = time.perf_counter()
        try:
            async with asyncio.timeout(WARM_UP_SECONDS):
                await path(work)
        except Exception:
            log.exception("warm-up of %s failed: its first real call compiles as it goes", name)
        else:
            log.info("warm-up of %s took %.0f ms", name, (time.perf_counter() - started) * 1000)
        finally:
            await work.end()  # rolled back: nothing of it was ever visible


@contextlib.asynccontextmanager
async def kept_warm(
    areas: Registry, sessionmaker: async_sessionmaker[AsyncSession], every: float = WARM_UP_EVERY_SECONDS
) -> AsyncIterator[None]:
    """The app's lifespan part: warm up before the server takes requests, then every ``every``
    seconds; stopped between runs, never cancelled in one."""
    await warm_up(areas, sessionmaker)
    async with repeating(lambda: warm_up(areas, sessionmaker), every, "warm-up"):
        yield
