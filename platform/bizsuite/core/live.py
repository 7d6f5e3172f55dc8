"""Live updates: a committed change wakes whoever watches it, in every app process.

A service that changes what a live view shows calls :func:`changed` with the view's topic (say
``venue_audio.board.<venue id>``); that is a ``pg_notify`` in the request's transaction, so the
news goes out only if the change is committed, and to every process serving the database.

Each app process keeps one ``LISTEN`` connection (:class:`LiveHub`, opened while someone
watches or something follows a channel of its own, reopened with a backoff when the database
goes away) and wakes the watchers of the topic in the tenant. :func:`stream` turns that into
server-sent events for a page or a client:
``ready`` once it listens (the page refreshes then, so nothing is missed between its render and
the subscription), ``changed`` after each committed change (several changes close together come
as one), and ``changed`` with data ``clock`` at each minute boundary, for views whose content
follows the time of day; a comment every 15 s keeps proxies from closing an idle stream.
:meth:`LiveHub.listen` hands every change of a topic to a callback instead, in order, for news
spread over several notifications (a watcher's queue keeps only the latest).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import math
import os
import signal
import threading
import time
import uuid
from collections.abc import AsyncIterator, Callable, Iterable, Iterator
from typing import Any

import asyncpg  # type: ignore[import-untyped]
from litestar.response import ServerSentEvent, ServerSentEventMessage
from sqlalchemy import URL, text
from sqlalchemy.ext.asyncio import AsyncSession

log = logging.getLogger(__name__)

CHANNEL = "bizsuite_live"
#: The listening connection's name in ``pg_stat_activity``.
APPLICATION_NAME = "bizsuite live"
KEEP_ALIVE_S = 15.0
#: The backoff between attempts to reopen the listening connection: doubling, up to this.
MAX_BACKOFF_S = 5.0
#: How often the listening connection is checked while it idles (a connection lost without the
#: server closing it, say a network partition, is noticed within this and the probe's timeout).
PROBE_S = 5.0
_NOTIFY = text("SELECT pg_notify(:channel, :payload)")


async def changed(session: AsyncSession, tenant_id: uuid.UUID, topic: str, data: str = "") -> None:
    """Tell the watchers of ``topic`` (no spaces) in the tenant that it changed, once the
    transaction commits, optionally with ``data`` (what changed, under 7 kB) for them.

    PostgreSQL folds identical notifications of one transaction into one.
    """
    payload = f"{tenant_id} {topic} {data}" if data else f"{tenant_id} {topic}"
    await session.execute(_NOTIFY, {"channel": CHANNEL, "payload": payload})


_NOTIFY_MANY = text("SELECT count(pg_notify(:channel, p)) FROM unnest(CAST(:payloads AS text[])) AS p")


async def changed_many(session: AsyncSession, tenant_id: uuid.UUID, news: Iterable[tuple[str, str]]) -> None:
    """:func:`changed` for several ``(topic, data)`` at once, in one statement."""
    payloads = [f"{tenant_id} {topic} {data}" if data else f"{tenant_id} {topic}" for topic, data in news]
    if payloads:
        await session.execute(_NOTIFY_MANY, {"channel": CHANNEL, "payloads": payloads})


class LiveHub:
    """One process's ``LISTEN`` connection and the queues of everyone watching a topic."""

    def __init__(self, url: URL) -> None:
        """``url``: PostgreSQL itself, never a transaction pooler (``database.direct_url``): a
        LISTEN needs a server session of its own."""
        self._dsn = url.set(drivername="postgresql").render_as_string(hide_password=False)
        self._watchers: dict[str, set[asyncio.Queue[str]]] = {}
        #: Callbacks told every change of a topic (``listen``), not only the latest.
        self._listeners: dict[str, set[Callable[[str | None], None]]] = {}
        #: Channels of their own followed for the hub's whole life: (on payload, on listening).
        self._followers: dict[str, tuple[Callable[[str], None], Callable[[bool], None]]] = {}
        self._listening = asyncio.Event()
        self._closing = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    @property
    def watching(self) -> int:
        """How many watchers are subscribed (all topics)."""
        return sum(len(queues) for queues in self._watchers.values()) + sum(
            len(calls) for calls in self._listeners.values()
        )

    @property
    def closing(self) -> asyncio.Event:
        """Set when the process shuts down: streams end."""
        return self._closing

    @contextlib.contextmanager
    def watch(self, tenant_id: uuid.UUID, topic: str) -> Iterator[asyncio.Queue[str]]:
        """Subscribe to ``topic`` in the tenant: the queue holds the latest change's data (``""``
        when it came without; also after a reconnection, since changes may have been missed)."""
        key = f"{tenant_id} {topic}"
        queue: asyncio.Queue[str] = asyncio.Queue(maxsize=1)
        self._watchers.setdefault(key, set()).add(queue)
        self._start()
        try:
            yield queue
        finally:
            queues = self._watchers.get(key)
            if queues is not None:
                queues.discard(queue)
                if not queues:
                    del self._watchers[key]

    @contextlib.contextmanager
    def listen(
        self, tenant_id: uuid.UUID, topic: str, on_change: Callable[[str | None], None]
    ) -> Iterator[None]:
        """While inside, call ``on_change(data)`` for each committed change of ``topic`` in the tenant,
        every one in order (a :meth:`watch` queue keeps only the latest), and ``on_change(None)``
        when changes may have been missed (the connection was reopened) or the process stops: look
        again. For a topic whose changes carry data that must not be lost, say one notification of
        many. Runs in the event loop: it must not block. Wait for :meth:`listening` before
        relying on it."""
        key = f"{tenant_id} {topic}"
        self._listeners.setdefault(key, set()).add(on_change)
        self._start()
        try:
            yield
        finally:
            calls = self._listeners.get(key)
            if calls is not None:
                calls.discard(on_change)
                if not calls:
                    del self._listeners[key]

    def follow(
        self, channel: str, on_payload: Callable[[str], None], on_state: Callable[[bool], None]
    ) -> None:
        """Listen to ``channel`` (not :data:`CHANNEL`) on this connection for the hub's whole life,
        whether or not anyone watches: each notification's payload goes to ``on_payload``;
        ``on_state(True)`` once listening, ``on_state(False)`` when the connection is lost or the
        hub closes (whatever was sent meanwhile is never heard: a follower that keeps state must
        not trust it until listening again). Callbacks run in the event loop and must not block.
        Call it at startup: a channel followed while the connection listens is heard from the
        next connection on (and until then its follower is told nothing, so trusts nothing)."""
        self._followers[channel] = (on_payload, on_state)
        self._start()

    def _start(self) -> None:
        if not self._closing.is_set() and (self._task is None or self._task.done()):
            self._task = asyncio.create_task(self._listen(), name="live listener")

    def _needed(self) -> bool:
        return bool(self._watchers or self._listeners or self._followers) and not self._closing.is_set()

    def _followers_state(self, listening: bool) -> None:
        for _on_payload, on_state in list(self._followers.values()):
            try:
                on_state(listening)
            except Exception:
                log.exception("live updates: a follower failed")

    async def listening(self) -> None:
        """Wait until notifications are being received, or until the hub closes (:attr:`closing`;
        a closed hub never listens again)."""
        if self._listening.is_set() or self._closing.is_set():
            return
        waits = {asyncio.ensure_future(self._listening.wait()), asyncio.ensure_future(self._closing.wait())}
        try:
            await asyncio.wait(waits, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for waiting in waits:
                waiting.cancel()

    def _wake(self, key: str, data: str = "") -> None:
        for queue in list(self._watchers.get(key, ())):
            # One pending wake-up is enough, with the latest data: the watcher re-reads the rest.
            if queue.full():
                queue.get_nowait()
            queue.put_nowait(data)

    def _tell(self, key: str, data: str | None) -> None:
        for on_change in list(self._listeners.get(key, ())):
            try:
                on_change(data)
            except Exception:
                log.exception("live updates: a listener of %s failed", key)

    def _wake_all(self) -> None:
        for key in list(self._watchers):
            self._wake(key)
        for key in list(self._listeners):
            self._tell(key, None)

    def _on_notification(self, _connection: Any, _pid: int, _channel: str, payload: str) -> None:
        tenant, topic, *data = payload.split(" ", 2)
        key = f"{tenant} {topic}"
        if key in self._listeners:
            self._tell(key, data[0] if data else "")
        self._wake(key, data[0] if data else "")

    async def _listen(self) -> None:
        """Hold the ``LISTEN`` connection while anyone watches; reconnect after a loss."""
        backoff = 0.1
        reconnected = False
        while self._needed():
            connection: asyncpg.Connection | None = None
            lost = asyncio.Event()
            try:
                connection = await asyncpg.connect(
                    self._dsn, timeout=5, server_settings={"application_name": APPLICATION_NAME}
                )
                connection.add_termination_listener(lambda _c, lost=lost: lost.set())
                await connection.add_listener(CHANNEL, self._on_notification)
                for channel, (on_payload, _on_state) in list(self._followers.items()):
                    await connection.add_listener(channel, lambda _c, _p, _ch, data, f=on_payload: f(data))
                self._listening.set()
                self._followers_state(True)
                backoff = 0.1
                if reconnected:
                    self._wake_all()
                idle = 0.0
                while self._needed() and not lost.is_set():
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(lost.wait(), timeout=1.0)
                    idle += 1.0
                    if idle >= PROBE_S and not lost.is_set():
                        idle = 0.0
                        await asyncio.wait_for(connection.fetchval("SELECT 1"), timeout=PROBE_S)
                if lost.is_set():
                    raise ConnectionError("the listening connection was closed")
                # Nobody needs it: say so before the connection closes, so that a watcher joining
                # meanwhile waits for the next connection instead of trusting this one.
                self._listening.clear()
            except (
                OSError,
                asyncpg.PostgresError,
                asyncpg.InterfaceError,
                ConnectionError,
                TimeoutError,
            ) as exc:
                self._listening.clear()
                self._followers_state(False)
                reconnected = True
                log.warning("live updates: listening failed (%s); retrying in %.1f s", exc, backoff)
                await asyncio.sleep(backoff)
                backoff = min(backoff * 2, MAX_BACKOFF_S)
            finally:
                if connection is not None and not connection.is_closed():
                    with contextlib.suppress(Exception):
                        await asyncio.wait_for(connection.close(), timeout=2)
        self._listening.clear()
        self._followers_state(False)

    def end_streams(self) -> None:
        """End every stream now (the process is stopping); the listener stops at :meth:`close`."""
        self._closing.set()
        self._wake_all()

    @contextlib.contextmanager
    def ending_streams_on_stop(self) -> Iterator[None]:
        """While inside, SIGTERM and SIGINT end the streams first, then reach the server's own
        handler: uvicorn waits for open responses before the application's shutdown, and an
        event stream never ends by itself, so without this every stop waited out its graceful
        timeout and then cancelled the streams with errors. (Main thread only: a server in a
        thread, as in the tests, has no signals.)"""
        if threading.current_thread() is not threading.main_thread():
            yield
            return
        loop = asyncio.get_running_loop()
        previous = {sig: signal.getsignal(sig) for sig in (signal.SIGTERM, signal.SIGINT)}

        def handler(signum: int, frame: Any) -> None:
            loop.call_soon_threadsafe(self.end_streams)
            before = previous[signal.Signals(signum)]
            if callable(before):
                before(signum, frame)
            elif before != signal.SIG_IGN:  # the default action: restore it and act
                signal.signal(signum, signal.SIG_DFL)
                os.kill(os.getpid(), signum)

        for sig in previous:
            signal.signal(sig, handler)
        try:
            yield
        finally:
            for sig, before in previous.items():
                signal.signal(sig, before)

    async def close(self) -> None:
        """End every stream and the listener (at shutdown)."""
        self.end_streams()
        if self._task is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self._task, timeout=5)


def _seconds_to_next_minute() -> float:
    return 60.0 - (time.time() % 60.0) + 0.05


async def wakeups(
    hub: LiveHub,
    tenant_id: uuid.UUID,
    topic: str,
    *,
    due: Callable[[], float | None] | None = None,
    minutely: bool = True,
) -> AsyncIterator[tuple[str, str]]:
    """Why a watcher of the topic should look again: ``ready`` once listening, then ``commit``
    after committed changes, ``clock`` at each minute boundary and when ``due()`` (a
    ``time.monotonic()`` instant the watcher expects a change by itself, or ``None``) passes,
    ``idle`` after 15 s of quiet (no minute boundaries with ``minutely=False``: many watchers
    that know when they are due should not all wake at once) (time for a keep-alive), each with the change's data (``""``
    but for a ``commit`` that came with some). Ends when the process shuts down."""
    with hub.watch(tenant_id, topic) as queue:
        await hub.listening()
        yield "ready", ""
        quiet_since = time.monotonic()
        while not hub.closing.is_set():
            now = time.monotonic()
            deadline = due() if due is not None else None
            to_due = max(0.0, deadline - now) if deadline is not None else math.inf
            to_idle = KEEP_ALIVE_S - (now - quiet_since)
            to_minute = _seconds_to_next_minute() if minutely else math.inf
            wait = max(0.0, min(to_minute, to_idle, to_due))
            try:
                data = await asyncio.wait_for(queue.get(), timeout=wait)
            except TimeoutError:
                quiet_since = time.monotonic()
                due_now = deadline is not None and time.monotonic() >= deadline
                at_minute = minutely and _seconds_to_next_minute() > 59.0
                yield ("clock" if due_now or at_minute else "idle"), ""
                continue
            if hub.closing.is_set():
                break
            quiet_since = time.monotonic()
            yield "commit", data


async def _board_events(
    hub: LiveHub, tenant_id: uuid.UUID, topic: str
) -> AsyncIterator[ServerSentEventMessage]:
    async for reason, _data in wakeups(hub, tenant_id, topic):
        if reason == "ready":
            yield ServerSentEventMessage(event="ready", data="ready", retry=2000)
        elif reason == "idle":
            yield ServerSentEventMessage(comment="keep-alive")
        else:
            yield ServerSentEventMessage(event="changed", data=reason)


def stream(hub: LiveHub, tenant_id: uuid.UUID, topic: str) -> ServerSentEvent:
    """A server-sent event stream of the topic's changes in the tenant (see the module's doc)."""
    return ServerSentEvent(_board_events(hub, tenant_id, topic), headers={"Cache-Control": "no-store"})
