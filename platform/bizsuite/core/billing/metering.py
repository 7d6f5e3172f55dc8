"""Usage metering: API calls per month and stored megabytes, counted without a write per request;
and the counts the areas' usage meters give (customer accounts, venues).

Each app process counts its tenants' API calls in memory (:data:`METER`, a dict increment on the
request path) and a background task of the app flushes the counts every
:data:`FLUSH_SECONDS` and at shutdown (:func:`flusher`): one upsert per active tenant adds them
to ``billing_usage`` (the month's row) and returns the month's total from every process; the
flush also re-sums the tenant's stored files and copies both onto the tenant's entitlements
snapshot (``tenants.entitlements["usage"]``), which every request reads with the tenant row
anyway. So the check on the request path (:func:`bizsuite.core.billing.entitlements.check_api_call`)
costs no query: the snapshot's total (or this process's last flushed total, whichever is newer)
plus what this process counted since.

Several processes each add what they counted, so the total is exact once flushed; between
flushes a process does not see the others' unflushed calls, so the limit is enforced to within
a minute's traffic of the other processes (``docs/billing.md``).
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import json
import logging
import math
import threading
import time
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bizsuite.core.background import repeating
from bizsuite.core.billing.models import Usage
from bizsuite.core.clock import tenant_now
from bizsuite.core.db import bind_tenant, utcnow
from bizsuite.core.ids import new_id
from bizsuite.kit import registry

if TYPE_CHECKING:
    from bizsuite.core.tenants.models import Tenant

log = logging.getLogger(__name__)

#: How often the counts are written (and at shutdown).
FLUSH_SECONDS = 60.0
#: How long a flush waits for an earlier one still writing.
FLUSH_WAIT_SECONDS = 10.0
MIB = 1024 * 1024

Month = tuple[int, int]


def month_of(at: dt.datetime) -> Month:
    """The calendar month (UTC) of an instant, as ``(year, month)``."""
    return at.year, at.month


def month_start(month: Month) -> dt.date:
    """The first day of a month."""
    return dt.date(month[0], month[1], 1)


def megabytes(size_bytes: int) -> int:
    """Bytes as whole megabytes (MiB), rounded up: one byte stored uses a megabyte of the plan."""
    return math.ceil(size_bytes / MIB)


def _snapshot_calls(tenant: Tenant, month: Month) -> int:
    usage = (tenant.entitlements or {}).get("usage") or {}
    if usage.get("month") != month_start(month).isoformat():
        return 0
    return int(usage.get("api_calls") or 0)


class UsageMeter:
    """This process's API calls not yet written, per tenant and month, and the totals it last wrote."""

    def __init__(self) -> None:
        self._pending: dict[tuple[uuid.UUID, Month], int] = {}
        #: Taken by a flush and not written yet: still counted (else a flush on a slow database
        #: would show, and let through, fewer calls than were made until it ends).
        self._writing: dict[tuple[uuid.UUID, Month], int] = {}
        self._flushed: dict[tuple[uuid.UUID, Month], int] = {}
        #: Tenants whose stored files may have changed (uploads, deletions) since the last flush.
        self._touched: set[uuid.UUID] = set()
        #: Flushes under way, set when each ends (any thread's event loop: tests serve several apps).
        self._active: list[threading.Event] = []
        self._active_lock = threading.Lock()

    def count(self, tenant_id: uuid.UUID, month: Month) -> None:
        """One API call (the request path: a dict increment)."""
        key = (tenant_id, month)
        self._pending[key] = self._pending.get(key, 0) + 1

    def touch(self, tenant_id: uuid.UUID) -> None:
        """The tenant's stored files changed: re-sum them at the next flush."""
        self._touched.add(tenant_id)

    def pending(self, tenant_id: uuid.UUID, month: Month) -> int:
        """Calls counted by this process and not written yet."""
        key = (tenant_id, month)
        return self._pending.get(key, 0) + self._writing.get(key, 0)

    def api_calls(self, tenant: Tenant, month: Month) -> int:
        """The month's calls as this process knows them, with no query: the newer of the tenant
        snapshot and this process's last flushed total, plus what it counted since."""
        return max(_snapshot_calls(tenant, month), self._flushed.get((tenant.id, month), 0)) + self.pending(
            tenant.id, month
        )

    def api_calls_after(self, tenant_id: uuid.UUID, month: Month, stored: int) -> int:
        """The month's calls given the total read from ``billing_usage``, plus this process's unwritten."""
        return max(stored, self._flushed.get((tenant_id, month), 0)) + self.pending(tenant_id, month)

    def forget(self, tenant_id: uuid.UUID) -> None:
        """Drop what this process knows of a tenant (as a restarted process would)."""
        for known in (self._pending, self._writing, self._flushed):
            for key in [k for k in known if k[0] == tenant_id]:
                del known[key]
        self._touched.discard(tenant_id)

    async def flush(self, sessionmaker: async_sessionmaker[AsyncSession]) -> int:
        """Write the counts: per tenant, one transaction adds its calls to the month's row, re-sums
        its stored files and refreshes the snapshot on its tenant row. Returns the tenants written.

        When it returns, every call counted before it began is written, including those an earlier
        flush still under way took (it waits for them, up to :data:`FLUSH_WAIT_SECONDS`). A tenant
        that fails keeps its counts for the next flush (a deleted tenant's are dropped).
        """
        done = threading.Event()  # a thread's event: the earlier flush may run in another loop
        with self._active_lock:
            earlier = list(self._active)
            self._active.append(done)
        try:
            written = await self._flush(sessionmaker)
        finally:
            done.set()
            with self._active_lock:
                self._active.remove(done)
        deadline = time.monotonic() + FLUSH_WAIT_SECONDS
        for other in earlier:
            if not other.is_set():
                await asyncio.to_thread(other.wait, max(0.0, deadline - time.monotonic()))
        return written

    async def _flush(self, sessionmaker: async_sessionmaker[AsyncSession]) -> int:
        # Swapped, not locked: the request path keeps counting into a fresh dict meanwhile, and
        # two flushes at once (the timer and a shutdown) each write what they took.
        pending, self._pending = self._pending, {}
        touched, self._touched = self._touched, set()
        for key, calls in pending.items():
            self._writing[key] = self._writing.get(key, 0) + calls
        by_tenant: dict[uuid.UUID, dict[Month, int]] = {tenant_id: {} for tenant_id in touched}
        for (tenant_id, month), calls in pending.items():
            by_tenant.setdefault(tenant_id, {})[month] = calls
        written = 0
        for tenant_id, months in by_tenant.items():
            try:
                totals = await _write_tenant(sessionmaker, tenant_id, months)
            except IntegrityError:
                self._written(tenant_id, months)
                log.warning("usage of tenant %s dropped: the tenant no longer exists", tenant_id)
                continue
            except Exception:
                log.exception("usage of tenant %s not written; kept for the next flush", tenant_id)
                self._written(tenant_id, months)
                for month, calls in months.items():
                    self._pending[(tenant_id, month)] = self._pending.get((tenant_id, month), 0) + calls
                self._touched.add(tenant_id)
                continue
            self._written(tenant_id, months)
            for month, total in totals.items():
                key = (tenant_id, month)
                self._flushed[key] = max(total, self._flushed.get(key, 0))
            written += 1
        return written

    def _written(self, tenant_id: uuid.UUID, months: dict[Month, int]) -> None:
        """The flush is done with these calls (written, dropped or put back to pending)."""
        for month, calls in months.items():
            key = (tenant_id, month)
            left = self._writing.get(key, 0) - calls
            if left > 0:
                self._writing[key] = left
            else:
                self._writing.pop(key, None)


#: The process's meter.
METER = UsageMeter()

_ADD_CALLS = text(
    "INSERT INTO billing_usage (tenant_id, id, month, api_calls, updated_at) "
    "VALUES (:tenant_id, :id, :month, :calls, now()) "
    "ON CONFLICT (tenant_id, month) DO UPDATE SET "
    "api_calls = billing_usage.api_calls + EXCLUDED.api_calls, updated_at = now() "
    "RETURNING api_calls"
)
_SET_STORAGE = text(
    "INSERT INTO billing_usage (tenant_id, id, month, storage_bytes, updated_at) "
    "VALUES (:tenant_id, :id, :month, :size, now()) "
    "ON CONFLICT (tenant_id, month) DO UPDATE SET storage_bytes = EXCLUDED.storage_bytes, updated_at = now() "
    "RETURNING api_calls"
)
#: The snapshot the request path reads; never moved back to an older month.
_SNAPSHOT = text(
    "UPDATE tenants SET entitlements = jsonb_set(entitlements, '{usage}', CAST(:usage AS jsonb)) "
    "WHERE id = :tenant_id AND entitlements IS NOT NULL "
    "AND coalesce(entitlements -> 'usage' ->> 'month', '') <= :month"
)


async def stored_bytes(session: AsyncSession) -> int:
    """The bound tenant's stored files, in bytes (the sum of their sizes)."""
    # Imported here: core.files imports the request context, which imports this module.
    from bizsuite.core.files.models import StoredFile

    return int(await session.scalar(select(func.coalesce(func.sum(StoredFile.size), 0))) or 0)


async def _write_tenant(
    sessionmaker: async_sessionmaker[AsyncSession], tenant_id: uuid.UUID, months: dict[Month, int]
) -> dict[Month, int]:
    totals: dict[Month, int] = {}
    async with sessionmaker() as session:
        await bind_tenant(session, tenant_id)
        async with session.begin():
            for month, calls in sorted(months.items()):
                totals[month] = int(
                    await session.scalar(
                        _ADD_CALLS,
                        {"tenant_id": tenant_id, "id": new_id(), "month": month_start(month), "calls": calls},
                    )
                    or 0
                )
            latest = max(months) if months else month_of(utcnow())
            size = await stored_bytes(session)
            totals[latest] = int(
                await session.scalar(
                    _SET_STORAGE,
                    {"tenant_id": tenant_id, "id": new_id(), "month": month_start(latest), "size": size},
                )
                or 0
            )
            usage: dict[str, Any] = {
                "month": month_start(latest).isoformat(),
                "api_calls": totals[latest],
                "storage_bytes": size,
            }
            await session.execute(
                _SNAPSHOT,
                {"tenant_id": tenant_id, "usage": json.dumps(usage), "month": usage["month"]},
            )
    return totals


async def usage_row(session: AsyncSession, month: Month) -> Usage | None:
    """The bound tenant's usage row of a month, if any was written."""
    return await session.scalar(select(Usage).where(Usage.month == month_start(month)))


async def counted(session: AsyncSession, name: str) -> int | None:
    """How much of the plan limit ``name`` the bound tenant uses, as the area that counts it says
    (its ``UsageMeter``: ``accounts`` by the CRM, ``venues`` by venue audio); None when no
    installed area counts it. Billing never reads those areas' tables itself."""
    meter = registry().usage_meters.get(name)
    return None if meter is None else int(await meter.count(session))


@dataclass(frozen=True, slots=True)
class Measured:
    """A tenant's usage now: this month's API calls (written and this process's unwritten), its
    stored files (summed now, exact) and what the areas' usage meters count (``counts``: limit
    name → count, e.g. ``accounts``, ``venues``)."""

    api_calls_month: int
    storage_mb: int
    storage_bytes: int
    counts: dict[str, int] = field(default_factory=dict)

    def used(self, name: str) -> int | None:
        """The usage of the limit ``name`` (None: not measured)."""
        if name in ("api_calls_month", "storage_mb"):
            return int(getattr(self, name))
        return self.counts.get(name)


async def measure(session: AsyncSession, tenant: Tenant) -> Measured:
    """Measure the bound tenant's usage: two queries, and one count per usage meter (pages, the
    API and the reseller's view; never the request path)."""
    month = month_of(tenant_now(tenant))
    row = await usage_row(session, month)
    size = await stored_bytes(session)
    counts: dict[str, int] = {}
    for name in registry().usage_meters:
        counts[name] = await counted(session, name) or 0
    return Measured(
        api_calls_month=METER.api_calls_after(tenant.id, month, row.api_calls if row is not None else 0),
        storage_mb=megabytes(size),
        storage_bytes=size,
        counts=counts,
    )


@contextlib.asynccontextmanager
async def flusher(
    sessionmaker: async_sessionmaker[AsyncSession], every: float = FLUSH_SECONDS
) -> AsyncIterator[None]:
    """The app's background task: flush the meter every ``every`` seconds, and once more at shutdown.

    Stopped between flushes, never cancelled in one: a flush cut short after its commit would not
    know its counts were written."""
    try:
        async with repeating(lambda: METER.flush(sessionmaker), every, "usage-meter-flush"):
            yield
    finally:
        try:
            await METER.flush(sessionmaker)
        except Exception:
            log.exception("usage flush at shutdown failed")
