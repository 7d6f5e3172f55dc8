"""The tenant clock: the one way business rules read "now".

Every time rule of the kernel and of the modules — SLA due times and breaches, "today" for
forecasts and dashboards, expected-close checks, when an approval was submitted or decided,
when a schedule fires — reads the time through :func:`now` (with a request or job
:class:`~bizsuite.core.context.Context`) or :func:`tenant_now` (with a tenant row).

A production tenant's clock is real time. A **sandbox** tenant's clock is real time plus the
tenant's ``clock_offset``, which only grows: integrators move it forward through
``POST /api/v1/sandbox/clock/advance`` (``core/sandbox``) to test time-based rules without
waiting.

Infrastructure timestamps stay on real time (:func:`real_now`, ``db.utcnow``): row
``created_at``/``updated_at`` defaults, the audit log, sessions, API-key and invitation expiry,
rate limits, idempotency records, job attempts and webhook deliveries. ``docs/sandbox.md``
lists which is which; ``tests/conventions/test_clock.py`` keeps module code from reading the
wall clock directly.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from bizsuite.core.db import utcnow

if TYPE_CHECKING:
    from bizsuite.core.context import Context
    from bizsuite.core.tenants.models import Tenant

_NO_OFFSET = dt.timedelta(0)


def real_now() -> dt.datetime:
    """Real time in UTC (infrastructure timestamps; never a business rule)."""
    return utcnow()


def offset_of(tenant: Tenant | None) -> dt.timedelta:
    """How far the tenant's clock is ahead of real time (always zero for a production tenant)."""
    if tenant is None or not tenant.sandbox:
        return _NO_OFFSET
    return tenant.clock_offset or _NO_OFFSET


def tenant_now(tenant: Tenant | None) -> dt.datetime:
    """ "Now" for ``tenant``, in UTC: real time, plus the test clock's offset in a sandbox."""
    return utcnow() + offset_of(tenant)


def now(ctx: Context) -> dt.datetime:
    """ "Now" for the context's tenant (real time for a context without a tenant)."""
    return tenant_now(ctx.principal.tenant)


def to_real(tenant: Tenant | None, at: dt.datetime) -> dt.datetime:
    """The real instant at which the tenant's clock will read ``at`` (to queue real jobs)."""
    return at - offset_of(tenant)
