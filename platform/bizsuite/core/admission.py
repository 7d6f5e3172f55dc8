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

Waits for events are not work: event streams give their place back when their stream starts
(``core/http.py``), and long polls when they start to wait (``wait_for_events``); neither holds a
connection while it waits.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from bizsuite.core.errors import UnavailableProblem
from bizsuite.settings import Settings


class Admission:
    """A worker's places for requests at work: ``limit`` of them, handed out in arrival order."""

    __slots__ = ("_closing", "_free", "in_use", "limit", "timeout")

    def __init__(self, limit: int, timeout: float) -> None:
        self.limit = limit
        self.timeout = timeout
        self._free = asyncio.Semaphore(limit)
        self._closing = asyncio.Event()
        #: Places taken now.
        self.in_use = 0

    @property
    def closed(self) -> bool:
        """The server is stopping (:meth:`close`)."""
        return self._closing.is_set()

    def close(self) -> None:
        """The server is stopping: refuse the waiting requests and every new one at once (503,
        ``Retry-After``: a balancer or the client retries on another worker), rather than keep
        them waiting until the stop's grace runs out and they are cut off without an answer.
        Requests at work finish as before."""
        self._closing.set()

    @classmethod
    def of(cls, settings: Settings, pool_capacity: int) -> Admission:
        """The app's admission: ``admission_limit`` places; 0 means the pool's capacity less a
        reserve (a tenth, at least 2) for the database work that takes no place: open streams'
        reads, player connections, ``/ready``, the usage flusher, the warm-up."""
        limit = settings.admission_limit or max(1, pool_capacity - max(2, pool_capacity // 10))
        return cls(limit, settings.admission_timeout_seconds)

    async def enter(self) -> Callable[[], None]:
        """Wait for a place (at once when one is free); return what gives it back (once).

        Raises :class:`UnavailableProblem` (503, ``Retry-After``) past the timeout, and at once
        once the server is stopping."""
        if self.closed:
            raise _refused("The server is restarting; retry shortly.")
        if self._free.locked():
            await self._wait()
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

    async def _wait(self) -> None:
        """Wait for a place until the timeout or the stop, whichever comes first."""
        acquiring = asyncio.ensure_future(self._free.acquire())
        closing = asyncio.ensure_future(self._closing.wait())
        try:
            await asyncio.wait(
                (acquiring, closing), timeout=self.timeout, return_when=asyncio.FIRST_COMPLETED
            )
        except BaseException:  # the request was cancelled (its client left) while it waited
            closing.cancel()
            self._abandon(acquiring)
            raise
        closing.cancel()
        if self.closed or not _won(acquiring):
            self._abandon(acquiring)
            raise _refused(
                "The server is restarting; retry shortly."
                if self.closed
                else "The server is busy; retry shortly."
            )

    def _abandon(self, acquiring: asyncio.Future[Any]) -> None:
        """Give up a wait: the place back if it was just given, else out of the queue (cancelling a
        waiter the semaphore has woken meanwhile passes the place on)."""
        if _won(acquiring):
            self._free.release()
        else:
            acquiring.cancel()


def _refused(detail: str) -> UnavailableProblem:
    return UnavailableProblem(detail, headers={"Retry-After": "2"})


def _won(acquiring: asyncio.Future[Any]) -> bool:
    return acquiring.done() and not acquiring.cancelled() and acquiring.exception() is None
