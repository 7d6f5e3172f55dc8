"""``bizsuite worker``: procrastinate's worker, connected as the application role."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Collection, Iterable, Iterator
from contextlib import asynccontextmanager
from typing import Any, LiteralString

import psycopg
import psycopg_pool
from procrastinate import exceptions as procrastinate_errors
from procrastinate import jobs as procrastinate_jobs
from procrastinate import worker as procrastinate_worker
from sqlalchemy import URL

from bizsuite.core.database import direct_url, make_engine, make_sessionmaker, runtime_url
from bizsuite.core.errors import database_unavailable
from bizsuite.core.jobs.queue import JobRuntime, SessionAwareConnector, load_task_modules, queue_app
from bizsuite.settings import Settings

log = logging.getLogger(__name__)


def psycopg_conninfo(url: URL) -> str:
    """The libpq URL procrastinate's psycopg pool connects with (same role and database)."""
    return url.set(drivername="postgresql").render_as_string(hide_password=False)


@asynccontextmanager
async def worker_runtime(settings: Settings) -> AsyncIterator[JobRuntime]:
    """Open procrastinate's pool and the task code's SQLAlchemy engine, both as the application role."""
    url = runtime_url(settings)
    concurrency = max(1, settings.worker_concurrency)
    # Pre-ping: after a database restart a job must get a live connection, not a dead pooled one
    # (a request can answer 503 and be retried; a job would burn an attempt).
    engine = make_engine(
        url, settings, pool_size=concurrency + 1, max_overflow=concurrency, pool_pre_ping=True
    )
    connector = SessionAwareConnector(
        # procrastinate LISTENs for new jobs: straight to PostgreSQL, never through PgBouncer.
        conninfo=psycopg_conninfo(direct_url(settings)),
        min_size=1,
        max_size=concurrency + 3,
        kwargs={"application_name": "bizsuite-worker"},
        # Opening waits this long for a first connection (then the supervisor retries).
        timeout=settings.db_pool_timeout_seconds,
    )
    try:
        with queue_app.replace_connector(connector):
            async with queue_app.open_async():
                yield JobRuntime(settings=settings, sessionmaker=make_sessionmaker(engine))
    finally:
        await engine.dispose()


#: procrastinate's running jobs to hand over: their worker is silent for longer than the
#: threshold or gone (pruned), the database has been up at least that long (after a restart
#: every worker's heartbeat is old, and the live ones beat again within one interval), and this
#: process is not running them itself (its heartbeat may be late on a busy machine, but its
#: jobs are alive). A job handed over while its attempt still ran would run twice at once.
_HANDOVER: LiteralString = """
    SELECT job.id, job.status, job.task_name, job.priority, job.lock, job.queueing_lock,
           job.args, job.scheduled_at, job.queue_name, job.attempts, job.worker_id
      FROM procrastinate_jobs job
      LEFT JOIN procrastinate_workers worker ON worker.id = job.worker_id
     WHERE job.status = 'doing'
       AND (worker.id IS NULL
            OR worker.last_heartbeat < now() - make_interval(secs => %(seconds)s))
       AND pg_postmaster_start_time() < now() - make_interval(secs => %(seconds)s)
       AND NOT job.id = ANY(%(running)s::bigint[])
"""


async def recover_stalled_jobs(settings: Settings, running: Collection[int] = ()) -> int:
    """Put back in the queue the jobs of workers that stopped sending heartbeats (killed, lost).

    Their transactions died with their connections, so the jobs run again from the start.
    Every worker does this when it starts and then once per heartbeat, so a dead worker's job
    is handed over about ``worker_stalled_ms`` after its last heartbeat. ``running`` are the
    procrastinate ids of the jobs this process runs: never its own.
    """
    rows = await queue_app.connector.execute_query_all_async(
        _HANDOVER, seconds=settings.worker_stalled_ms / 1000, running=list(running)
    )
    count = 0
    for row in rows:
        try:
            await queue_app.job_manager.retry_job(procrastinate_jobs.Job.from_row(row))
        except procrastinate_errors.ConnectorException as exc:
            if database_lost(exc):
                raise
            continue  # another worker handed it over first
        count += 1
    if count:
        log.warning("requeued %d job(s) of stalled workers", count)
    return count


def worker_options(settings: Settings, runtime: JobRuntime) -> dict[str, Any]:
    """procrastinate worker options from the settings."""
    return {
        "name": "bizsuite",
        "concurrency": max(1, settings.worker_concurrency),
        "additional_context": {"runtime": runtime},
        "update_heartbeat_interval": settings.worker_heartbeat_ms / 1000,
        "stalled_worker_timeout": settings.worker_stalled_ms / 1000,
        "fetch_job_polling_interval": settings.worker_poll_ms / 1000,
        # Finished work is kept per tenant in background_jobs; failed jobs stay for retries.
        "delete_jobs": "successful",
    }


#: Waits between reconnection attempts while the database is away (doubling, capped).
RECONNECT_FIRST_SECONDS = 0.5
RECONNECT_MAX_SECONDS = 30.0
#: SQLSTATE classes that no retry fixes: invalid authorization (28), unknown database (3D).
_UNRECOVERABLE_SQLSTATE_CLASSES = ("28", "3D")


def database_lost(exc: BaseException) -> bool:
    """Whether ``exc`` (or an error it wraps) means the database went away for a while.

    A wrong password or a missing database is not: retrying cannot fix those.
    """
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        state = getattr(current, "sqlstate", None)
        if isinstance(state, str) and state[:2] in _UNRECOVERABLE_SQLSTATE_CLASSES:
            return False
        if isinstance(current, psycopg.OperationalError | psycopg_pool.PoolTimeout | psycopg.InterfaceError):
            return True
        if isinstance(current, Exception) and database_unavailable(current):
            return True
        current = current.__cause__ or current.__context__
    return False


#: One heartbeat: the worker's row upserted, and its running jobs that lost their worker (the
#: row was pruned, which sets ``worker_id`` to null) attached to it again.
_HEARTBEAT: LiteralString = """
    WITH beat AS (
        INSERT INTO procrastinate_workers (id, last_heartbeat)
        OVERRIDING SYSTEM VALUE VALUES (%(worker)s, now())
        ON CONFLICT (id) DO UPDATE SET last_heartbeat = now()
        RETURNING id
    )
    UPDATE procrastinate_jobs SET worker_id = (SELECT id FROM beat)
     WHERE id = ANY(%(running)s::bigint[]) AND status = 'doing' AND worker_id IS NULL
"""


class ResilientWorker(procrastinate_worker.Worker):
    """procrastinate's worker, riding out a database outage instead of stopping.

    procrastinate stops its worker when a side task (heartbeat, notification listener, abort
    poll) fails, and its fetch loop raises when the database is gone. Here each of those waits
    and tries again while the database is away, so running jobs keep running and the worker
    picks up new ones as soon as the database is back. Other errors still end it.
    """

    async def _keep_going(self, what: str, run: Callable[[], Awaitable[None]]) -> None:
        delay = RECONNECT_FIRST_SECONDS
        while True:
            try:
                await run()
                return
            except Exception as exc:
                if not database_lost(exc):
                    raise
                log.warning("worker %s lost the database; retrying in %.1f s: %s", what, delay, exc)
            await asyncio.sleep(delay)
            delay = min(delay * 2, RECONNECT_MAX_SECONDS)

    def running_job_ids(self) -> list[int]:
        """procrastinate's ids of the jobs this worker is running now."""
        return [context.job.id for context in self._running_jobs.values() if context.job.id is not None]

    async def _update_heartbeat(self) -> None:
        while True:
            await asyncio.sleep(self.update_heartbeat_interval)
            await self._keep_going("heartbeat", self._beat)

    async def _beat(self) -> None:
        """Send the heartbeat; if another worker pruned this one's row while the database was
        away (its heartbeat looked stale), put the row back and re-attach the running jobs, so
        nobody hands over work that is still running."""
        assert self.worker_id is not None
        await self.app.connector.execute_query_async(
            _HEARTBEAT, worker=self.worker_id, running=self.running_job_ids()
        )

    async def _poll_jobs_to_abort(self) -> None:
        await self._keep_going("abort poll", super()._poll_jobs_to_abort)

    async def _periodic_deferrer(self) -> None:
        await self._keep_going("periodic deferrer", super()._periodic_deferrer)

    def _start_side_tasks(self) -> list[asyncio.Task[Any]]:
        listen, self.listen_notify = self.listen_notify, False
        try:
            side_tasks: list[asyncio.Task[Any]] = super()._start_side_tasks()
        finally:
            self.listen_notify = listen
        if listen:
            side_tasks.append(asyncio.create_task(self._listen(), name="listener"))
        return side_tasks

    async def _listen(self) -> None:
        async def listen_once() -> None:
            await self.app.job_manager.listen_for_jobs(
                on_notification=self._handle_notification, queues=self.queues
            )
            # It returns when it could not listen at all: poll until the next try.
            await asyncio.sleep(self.fetch_job_polling_interval)
            raise psycopg.OperationalError("the notification listener could not listen")

        await self._keep_going("listener", listen_once)

    async def _fetch_and_process_jobs(self) -> None:
        try:
            await super()._fetch_and_process_jobs()  # type: ignore[no-untyped-call]
        except Exception as exc:
            if not database_lost(exc):
                raise
            # The run loop calls again after the polling interval.
            log.warning("worker could not fetch jobs (database unavailable): %s", exc)


async def run_worker(
    settings: Settings,
    *,
    import_paths: Iterable[str] = (),
    wait: bool = True,
    install_signal_handlers: bool = True,
    stop: asyncio.Event | None = None,
) -> None:
    """Run queued and scheduled jobs until stopped (or, with ``wait=False``, until none is due).

    Stopped by SIGINT or SIGTERM (``install_signal_handlers``) or by setting ``stop``: running
    jobs finish first. Set ``stop`` rather than cancel the task: Python 3.11's ``wait_for`` (under
    asyncpg's connect) can lose a cancellation that lands as a connection opens, and a worker
    that missed it would run on for ever (a test hung so, waiting for it).

    The worker outlives the database: when it is unreachable (not started yet, restarting) the
    worker reconnects with a doubling backoff, and when procrastinate's worker stops by itself
    (it does when its notification listener loses the database) it is started again. Only an
    error no retry can fix (a bug, a wrong password) ends it, with that error.
    """
    load_task_modules(import_paths)
    stop = asyncio.Event() if stop is None else stop
    with _stop_on_signals(stop) if install_signal_handlers else contextlib.nullcontext():
        delay = RECONNECT_FIRST_SECONDS
        while not stop.is_set():
            started = time.monotonic()
            try:
                async with worker_runtime(settings) as runtime:
                    if await _run_until_stopped(settings, runtime, wait=wait, stop=stop):
                        return
                reason = "procrastinate's worker stopped (its listener lost the database)"
            except Exception as exc:
                if not database_lost(exc):
                    raise
                reason = f"database unavailable: {exc}"
            if time.monotonic() - started > RECONNECT_MAX_SECONDS:
                delay = RECONNECT_FIRST_SECONDS  # it ran a while: this is a new outage
            log.warning("worker restarting in %.1f s; %s", delay, reason)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=delay)
            delay = min(delay * 2, RECONNECT_MAX_SECONDS)


async def _run_until_stopped(
    settings: Settings, runtime: JobRuntime, *, wait: bool, stop: asyncio.Event
) -> bool:
    """Run procrastinate's worker once; True when it finished for good (stopped, or no job due
    with ``wait=False``), False when it stopped by itself and should be started again."""
    await recover_stalled_jobs(settings)
    queue_app.perform_import_paths()  # type: ignore[no-untyped-call]
    resilient = ResilientWorker(
        app=queue_app, wait=wait, install_signal_handlers=False, **worker_options(settings, runtime)
    )
    worker = asyncio.create_task(resilient.run(), name="procrastinate worker")  # type: ignore[no-untyped-call]
    handover = asyncio.create_task(_hand_over_stalled_jobs(settings, resilient), name="stalled jobs")
    stopping = asyncio.create_task(stop.wait(), name="stop")
    try:
        await asyncio.wait({worker, handover, stopping}, return_when=asyncio.FIRST_COMPLETED)
        if worker.done():
            worker.result()  # raises what ended it
            return not wait
        if handover.done():
            handover.result()
        return True  # asked to stop
    finally:
        for task in (handover, stopping):
            task.cancel()
        if not worker.done():
            # procrastinate stops gracefully when cancelled: running jobs finish (up to its timeout).
            worker.cancel()
        with contextlib.suppress(asyncio.CancelledError, Exception):
            await worker
        with contextlib.suppress(asyncio.CancelledError, Exception):
            await handover


async def _hand_over_stalled_jobs(settings: Settings, worker: ResilientWorker) -> None:
    """Requeue the jobs of dead workers every heartbeat, not only when a worker starts."""
    while True:
        await asyncio.sleep(settings.worker_heartbeat_ms / 1000)
        try:
            await recover_stalled_jobs(settings, running=worker.running_job_ids())
        except Exception as exc:
            if not database_lost(exc):
                raise
            log.debug("stalled-job check skipped: %s", exc)


@contextlib.contextmanager
def _stop_on_signals(stop: asyncio.Event) -> Iterator[None]:
    loop = asyncio.get_running_loop()
    signals = (signal.SIGINT, signal.SIGTERM)
    for number in signals:
        loop.add_signal_handler(number, stop.set)
    try:
        yield
    finally:
        for number in signals:
            loop.remove_signal_handler(number)
