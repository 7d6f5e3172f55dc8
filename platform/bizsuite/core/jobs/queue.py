"""The job queue: procrastinate, tenant tasks and the one helper that runs work in a tenant.

- ``queue_app`` is the procrastinate application. Its connector is procrastinate's psycopg
  connector (the worker's pool, as the application role) that can *also* run procrastinate's
  own queries inside an SQLAlchemy session: so ``enqueue`` inserts the job in the caller's
  transaction, and a request that rolls back never leaves a job behind.
- ``tenant_task`` registers a task that runs for one tenant: its arguments carry the tenant,
  its code runs through ``in_tenant`` (``bind_tenant``, row-level security as the application
  role) and its ``background_jobs`` row records attempts, errors and the dead-letter state.
- Retries: the wrapper decides with ``rules.retry_delay`` and the task's backoff policy;
  procrastinate carries the decision out (``RetryScheduled``).
"""

from __future__ import annotations

import datetime as dt
import importlib
import json
import logging
import re
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

import msgspec
import procrastinate
from procrastinate import exceptions as procrastinate_errors
from procrastinate import sql as procrastinate_sql
from procrastinate.job_context import JobContext
from procrastinate.retry import BaseRetryStrategy, RetryDecision
from sqlalchemy import Executable, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bizsuite.core.context import Context, Principal, PrincipalKind
from bizsuite.core.db import bind_tenant, current_tenant, utcnow
from bizsuite.core.ids import new_id
from bizsuite.core.jobs.models import BackgroundJob, JobStatus
from bizsuite.core.jobs.rules import BackoffPolicy, retry_delay
from bizsuite.core.tenants.models import Tenant, TenantStatus
from bizsuite.kit import registry
from bizsuite.settings import Settings

log = logging.getLogger(__name__)

_PLACEHOLDER = re.compile(r"%\((\w+)\)s")
_MAX_ERROR = 2000


class SessionAwareConnector(procrastinate.PsycopgConnector):
    """procrastinate's psycopg connector that also accepts an SQLAlchemy ``AsyncSession`` as the
    external connection of ``configure(connection=...)``, so jobs are queued atomically with
    the caller's writes (procrastinate's own queries, run on the session's asyncpg connection)."""

    async def execute_query_one_async_with_connection(
        self, connection: Any, query: Any, **arguments: Any
    ) -> dict[str, Any]:
        if not isinstance(connection, AsyncSession):
            row: dict[str, Any] = await super().execute_query_one_async_with_connection(
                connection, query, **arguments
            )
            return row
        rows = await run_in_session(connection, query, arguments)
        if not rows:
            raise procrastinate_errors.NoResult
        return rows[0]

    async def execute_query_all_async_with_connection(
        self, connection: Any, query: Any, **arguments: Any
    ) -> list[dict[str, Any]]:
        if not isinstance(connection, AsyncSession):
            rows: list[dict[str, Any]] = await super().execute_query_all_async_with_connection(
                connection, query, **arguments
            )
            return rows
        return await run_in_session(connection, query, arguments)


def _adapt(value: Any) -> Any:
    """psycopg adapts dicts to jsonb itself; asyncpg (through SQLAlchemy) takes JSON text."""
    if isinstance(value, dict):
        return json.dumps(value)
    if isinstance(value, tuple):
        return tuple(_adapt(item) for item in value)
    if isinstance(value, list):
        return [_adapt(item) for item in value]
    return value


def to_numeric_placeholders(query: str, arguments: dict[str, Any]) -> tuple[str, tuple[Any, ...]]:
    """Turn procrastinate's ``%(name)s`` placeholders into asyncpg's ``$n`` with matching values."""
    names: list[str] = []

    def number(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in names:
            names.append(name)
        return f"${names.index(name) + 1}"

    converted = _PLACEHOLDER.sub(number, query)
    return converted, tuple(_adapt(arguments[name]) for name in names)


async def run_in_session(
    session: AsyncSession, query: str, arguments: dict[str, Any]
) -> list[dict[str, Any]]:
    """Run one of procrastinate's queries in the session's current transaction."""
    statement, values = to_numeric_placeholders(query, arguments)
    connection = await session.connection()
    result = await connection.exec_driver_sql(statement, values)
    if not result.returns_rows:
        return []
    return [dict(row) for row in result.mappings().all()]


#: The procrastinate application. Requests only queue jobs through their session and never open
#: it; the worker swaps in a connector with its own pool (``worker.py``).
queue_app = procrastinate.App(connector=SessionAwareConnector())


def load_task_modules(extra: Iterable[str] = ()) -> None:
    """Import the modules that register tasks (the areas' ``ModuleSpec.task_modules`` and ``extra``)."""
    for module in (*registry().task_modules, *extra):
        importlib.import_module(module)


# ---------------------------------------------------------------------------------------------
# Running work inside a tenant


def system_principal(tenant: Tenant, actor: str) -> Principal:
    """The principal background work acts as: platform code, recorded in the audit log as ``actor``."""
    return Principal(kind=PrincipalKind.OPERATOR, label=actor, tenant=tenant)


@asynccontextmanager
async def in_tenant(
    sessionmaker: async_sessionmaker[Any], tenant_id: uuid.UUID, *, actor: str
) -> AsyncIterator[Context]:
    """Run a block in one transaction of tenant ``tenant_id``, as the application role, under RLS.

    Commits when the block ends normally, rolls back on an exception. The one way jobs (and
    anything else outside a request) touch tenant data.
    """
    async with sessionmaker() as session, session.begin():
        await bind_tenant(session, tenant_id)
        tenant = await session.get(Tenant, tenant_id)
        if tenant is None:
            raise LookupError(f"no tenant {tenant_id}")
        yield Context(session=session, principal=system_principal(tenant, actor))


async def sweep_tenants(
    sessionmaker: async_sessionmaker[Any],
    body: Callable[[Context], Awaitable[int]],
    *,
    actor: str,
    module: str | None = None,
    due: Executable | None = None,
) -> int:
    """A periodic sweep: ``body`` for each tenant, each in its own transaction (one tenant's
    failure is logged, retried on the next tick and holds back no other); the sum of what the
    bodies did.

    The tenants are those ``due`` names (a statement returning tenant ids: the areas' "who has
    something due" functions, migration 0037, one statement instead of a transaction per tenant
    for a sweep that runs every minute), or else every active tenant (with ``module``)."""
    async with sessionmaker() as session:
        if due is None:
            considered = select(Tenant.id).where(Tenant.status == TenantStatus.ACTIVE).order_by(Tenant.id)
            if module is not None:
                considered = considered.where(Tenant.modules.contains([module]))
            due = considered
        tenant_ids = [uuid.UUID(str(tenant_id)) for tenant_id in (await session.scalars(due)).all()]
    done = 0
    for tenant_id in tenant_ids:
        try:
            async with in_tenant(sessionmaker, tenant_id, actor=actor) as ctx:
                done += await body(ctx)
        except Exception:
            log.exception("%s failed for tenant %s", actor, tenant_id)
    return done


async def context_for(ctx_or_session: Context | AsyncSession, *, actor: str) -> Context:
    """Return ``ctx_or_session`` as a Context (a bare tenant-bound session acts as ``actor``)."""
    if isinstance(ctx_or_session, Context):
        return ctx_or_session
    tenant_id = current_tenant(ctx_or_session)
    if tenant_id is None:
        raise LookupError("the session is not bound to a tenant (use in_tenant or bind_tenant)")
    tenant = await ctx_or_session.get(Tenant, tenant_id)
    if tenant is None:
        raise LookupError(f"no tenant {tenant_id}")
    return Context(session=ctx_or_session, principal=system_principal(tenant, actor))


# ---------------------------------------------------------------------------------------------
# Tenant tasks


class RetryScheduled(Exception):
    """Raised by the task wrapper when a failed attempt will be retried after ``delay`` seconds."""

    def __init__(self, delay: float) -> None:
        super().__init__(f"retrying in {delay:g} s")
        self.delay = delay


class WrapperDecidesRetry(BaseRetryStrategy):
    """procrastinate retries exactly when the tenant-task wrapper said so, when it said so."""

    def get_retry_decision(self, *, exception: BaseException, job: Any) -> RetryDecision | None:
        if isinstance(exception, RetryScheduled):
            return RetryDecision(retry_at=utcnow() + dt.timedelta(seconds=exception.delay))
        return None


@dataclass(frozen=True, slots=True)
class JobRuntime:
    """What the worker gives every task: settings and the application-role session factory."""

    settings: Settings
    sessionmaker: async_sessionmaker[Any]

    def policy(self, name: str) -> BackoffPolicy | None:
        """The backoff policy named ``name`` (``None`` means a failure is final)."""
        return backoff_policies(self.settings).get(name)


def backoff_policies(settings: Settings) -> dict[str, BackoffPolicy]:
    """Named retry policies; the intervals come from settings so tests need not wait a day."""
    return {
        "default": BackoffPolicy(
            max_attempts=settings.job_retry_max_attempts,
            base_seconds=settings.job_retry_base_ms / 1000,
            factor=2.0,
            cap_seconds=3600.0,
        ),
        # 30 s, 90 s, 4.5 min, 13.5 min, 40 min, 2 h, then every 5 h: about 23 h in all.
        "webhook": BackoffPolicy(
            max_attempts=settings.webhook_retry_max_attempts,
            base_seconds=settings.webhook_retry_base_ms / 1000,
            factor=3.0,
            cap_seconds=5 * 3600.0,
        ),
    }


@dataclass(frozen=True, slots=True)
class JobRun:
    """One attempt of a tenant task."""

    runtime: JobRuntime
    task_name: str
    tenant_id: uuid.UUID
    job_record_id: uuid.UUID | None
    #: 1 for the first attempt.
    attempt: int
    #: Seconds until the next attempt if this one fails; ``None`` if this is the last one.
    retry_delay: float | None

    def transaction(self) -> Any:
        """A transaction in the job's tenant (see :func:`in_tenant`)."""
        return in_tenant(self.runtime.sessionmaker, self.tenant_id, actor=f"job:{self.task_name}")


TaskBody = Callable[..., Awaitable[None]]


@dataclass(frozen=True, slots=True)
class TenantTask:
    """A registered tenant task."""

    name: str
    #: What the jobs list calls it (msgid, ``N_()``); a task without one shows its name as a code.
    label: str
    #: What it does (msgid, ``N_()``).
    description: str
    retry: str | None
    recorded: bool
    schedulable: bool
    args_type: type[msgspec.Struct] | None


#: Every tenant task registered in this process, by name.
TENANT_TASKS: dict[str, TenantTask] = {}


def tenant_task(
    name: str,
    *,
    description: str,
    label: str = "",
    retry: str | None = "default",
    recorded: bool = True,
    schedulable: bool = False,
    args_type: type[msgspec.Struct] | None = None,
) -> Callable[[TaskBody], TaskBody]:
    """Register ``async def body(run: JobRun, **kwargs)`` as a procrastinate task run per tenant.

    ``retry`` names a backoff policy (``None``: a failure is final). ``recorded`` tasks keep a
    ``background_jobs`` row (listed, retried from the dead-letter view). ``schedulable`` tasks may
    be named by tenant schedules, with arguments checked against ``args_type``.
    """

    def decorator(body: TaskBody) -> TaskBody:
        definition = TenantTask(
            name=name,
            label=label,
            description=description,
            retry=retry,
            recorded=recorded,
            schedulable=schedulable,
            args_type=args_type,
        )

        async def run(
            context: JobContext, /, *, tenant_id: str, job_record_id: str | None = None, **kwargs: Any
        ) -> None:
            runtime = context.additional_context["runtime"]
            assert isinstance(runtime, JobRuntime), "run tasks with bizsuite's worker"
            await _run_tenant_task(definition, body, runtime, context, tenant_id, job_record_id, kwargs)

        queue_app.task(name=name, pass_context=True, retry=WrapperDecidesRetry())(run)
        TENANT_TASKS[name] = definition
        return body

    return decorator


async def _run_tenant_task(
    definition: TenantTask,
    body: TaskBody,
    runtime: JobRuntime,
    context: JobContext,
    tenant_id: str,
    job_record_id: str | None,
    kwargs: dict[str, Any],
) -> None:
    record_id = uuid.UUID(job_record_id) if job_record_id else None
    if record_id is None:
        attempt = context.job.attempts + 1
    else:
        started = await _start(runtime, definition.name, uuid.UUID(tenant_id), record_id)
        if started is None:
            # The work and its record committed, then the worker died before telling procrastinate.
            return
        attempt = started
    policy = runtime.policy(definition.retry) if definition.retry else None
    delay = retry_delay(policy, attempt) if policy else None
    run = JobRun(
        runtime=runtime,
        task_name=definition.name,
        tenant_id=uuid.UUID(tenant_id),
        job_record_id=record_id,
        attempt=attempt,
        retry_delay=delay,
    )
    try:
        await body(run, **kwargs)
    except Exception as exc:
        await _finish(run, error=exc)
        if delay is None:
            raise
        raise RetryScheduled(delay) from exc
    await _finish(run, error=None)


async def _start(
    runtime: JobRuntime, task_name: str, tenant_id: uuid.UUID, record_id: uuid.UUID
) -> int | None:
    """Mark the job running and count the attempt (a killed attempt counts too); ``None`` if it
    already succeeded."""
    async with in_tenant(runtime.sessionmaker, tenant_id, actor=f"job:{task_name}") as ctx:
        record = await ctx.session.scalar(
            select(BackgroundJob).where(BackgroundJob.id == record_id).with_for_update()
        )
        if record is None:
            raise LookupError(f"no background job {record_id} in tenant {tenant_id}")
        if record.status is JobStatus.SUCCEEDED:
            return None
        record.status = JobStatus.RUNNING
        record.attempts += 1
        record.run_after = None
        return record.attempts


async def _finish(run: JobRun, *, error: Exception | None) -> None:
    if run.job_record_id is None:
        return
    async with run.transaction() as ctx:
        record = await ctx.session.scalar(
            select(BackgroundJob).where(BackgroundJob.id == run.job_record_id).with_for_update()
        )
        if record is None or record.attempts != run.attempt:
            return  # gone, or a later attempt took the job over: its outcome is the one to keep
        now = utcnow()
        if error is None:
            record.status = JobStatus.SUCCEEDED
            record.finished_at = now
            return
        record.last_error = f"{type(error).__name__}: {error}"[:_MAX_ERROR]
        if run.retry_delay is None:
            record.status = JobStatus.FAILED
            record.finished_at = now
        else:
            record.status = JobStatus.RETRYING
            record.run_after = now + dt.timedelta(seconds=run.retry_delay)


# ---------------------------------------------------------------------------------------------
# Queueing from inside a transaction


def _task(name: str) -> TenantTask:
    if name not in TENANT_TASKS:
        load_task_modules()
    try:
        return TENANT_TASKS[name]
    except KeyError:
        raise LookupError(f"no tenant task named {name!r}") from None


async def defer_in_session(
    session: AsyncSession, task_name: str, kwargs: dict[str, Any], *, run_at: dt.datetime | None = None
) -> int:
    """Queue a procrastinate job in the session's transaction; return procrastinate's job id."""
    deferrer = queue_app.configure_task(task_name, connection=session, schedule_at=run_at)
    job_id: int = await deferrer.defer_async(**kwargs)
    return job_id


async def enqueue(
    ctx: Context,
    task_name: str,
    args: dict[str, Any] | None = None,
    *,
    run_at: dt.datetime | None = None,
    schedule_id: uuid.UUID | None = None,
) -> BackgroundJob | None:
    """Queue tenant task ``task_name`` in the caller's transaction (nothing is queued if it rolls back).

    Returns the tenant's ``background_jobs`` row (``None`` for unrecorded tasks).
    """
    definition = _task(task_name)
    args = dict(args or {})
    record: BackgroundJob | None = None
    kwargs: dict[str, Any] = {**args, "tenant_id": str(ctx.tenant_id)}
    if definition.recorded:
        record = BackgroundJob(
            id=new_id(), task_name=task_name, args=args, run_after=run_at, schedule_id=schedule_id
        )
        kwargs["job_record_id"] = str(record.id)
    job_id = await defer_in_session(ctx.session, task_name, kwargs, run_at=run_at)
    if record is not None:
        record.procrastinate_job_id = job_id
        ctx.session.add(record)
        await ctx.session.flush()
    return record


async def cancel_queued(session: AsyncSession, procrastinate_job_id: int) -> bool:
    """Delete a job that is still waiting (``todo``), in the session's transaction."""
    row = await queue_app.connector.execute_query_one_async_with_connection(
        session,
        query=procrastinate_sql.queries["cancel_job"],
        job_id=procrastinate_job_id,
        abort=False,
        delete_job=True,
    )
    return row.get("id") is not None


async def requeue_failed(session: AsyncSession, procrastinate_job_id: int) -> bool:
    """Put a failed procrastinate job back in the queue (``failed`` → ``todo``) in the session's
    transaction; ``False`` when procrastinate no longer has it."""
    rows = await run_in_session(
        session, procrastinate_sql.queries["get_job_status"], {"job_id": procrastinate_job_id}
    )
    if not rows or rows[0]["status"] != "failed":
        return False
    await run_in_session(
        session,
        procrastinate_sql.queries["retry_job"],
        {
            "job_id": procrastinate_job_id,
            "retry_at": utcnow(),
            "new_priority": None,
            "new_queue_name": None,
            "new_lock": None,
        },
    )
    return True
