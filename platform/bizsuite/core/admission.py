"""Admission: at most a pool's worth of a worker's requests at their work at once.

A request holds its pooled connection from its first statement to its commit, and between two
statements it waits for its turn on the event loop. With more requests in flight than the pool
has connections, that wait grows with the crowd: every connection sits *idle in transaction*
while its request waits to run, and the requests beyond the pool time out waiting for one (503).
Measured under load (``docs/performance.md``, P4): 32 of 40 connections idle in a transaction,
one running a statement, and thousands of 503s.

So a worker admits at most as many requests as its pool holds connections; the others wait their
turn, first come first served, before they start (before authentication, their first statement).
The crowd on the event loop stays small, so an admitted request runs its statements back to back
and gives its connection back soon. An overloaded worker answers later rather than with errors;
a request that waits longer than ``admission_timeout_seconds`` is refused with a 503 and
``Retry-After`` (a load balancer or the client retries).

Not admitted, because they wait for events rather than work: event streams give their place back
when their stream starts (``core/http.py``), and routes with opt ``long_poll`` never take one
(their wait holds no connection either).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from bizsuite.core.errors import UnavailableProblem
from bizsuite.settings import Settings


class Admission:
    """A worker's places for requests at work: ``limit`` of them, handed out in arrival order."""

    __slots__ = ("_free", "in_use", "limit", "timeout")

    def __init__(self, limit: int, timeout: float) -> None:
        self.limit = limit
        self.timeout = timeout
        self._free = asyncio.Semaphore(limit)
        #: Places taken now.
        self.in_use = 0

    @classmethod
    def of(cls, settings: Settings, pool_capacity: int) -> Admission:
        """The app's admission: ``admission_limit`` places; 0 means the pool's capacity less a
        reserve (a tenth, at least 2) for the database work that takes no place: open streams'
        and long polls' reads, player connections, ``/ready``, the usage flusher."""
        limit = settings.admission_limit or max(1, pool_capacity - max(2, pool_capacity // 10))
        return cls(limit, settings.admission_timeout_seconds)

    async def enter(self) -> Callable[[], None]:
        """Wait for a place (at once when one is free); return what gives it back (once).

        Raises :class:`UnavailableProblem` (503, ``Retry-After``) past the timeout."""
        if self._free.locked():
            try:
                async with asyncio.timeout(self.timeout):
                    await self._free.acquire()
            except TimeoutError:
                raise UnavailableProblem(
                    "The server is busy; retry shortly.", headers={"Retry-After": "2"}
                ) from None
        else:
            await self._free.acquire()  # free: returns without waiting
        self.in_use += 1
        given_back = False

        def leave() -> None:
            nonlocal given_back
            if not given_back:
                given_back = True
                self.in_use -= 1
                self._free.release()

        return leave
