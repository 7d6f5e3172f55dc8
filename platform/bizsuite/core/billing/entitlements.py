"""What the kernel checks on every request: the tenant's entitlements, read from its row.

Billing writes a snapshot of the plan and subscription onto ``tenants.entitlements`` whenever
either changes (:func:`snapshot`); the request pipeline has the tenant row already, so checking
costs no query (``docs/billing.md`` gives the measurement). Business modules never import
billing: their routes carry ``opt["module"]`` and :func:`bizsuite.core.context.authorize` calls
:func:`check_route`. ``None`` (no subscription) means unrestricted, as the operator assigned.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import text

from bizsuite.core.billing.metering import METER, MIB, counted, megabytes, month_of
from bizsuite.core.billing.rules import Access, Phase, access_of, phase_at
from bizsuite.core.clock import tenant_now
from bizsuite.core.errors import FieldError, ForbiddenProblem, ProblemError
from bizsuite.web.i18n import N_, service_messages

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession

    from bizsuite.core.tenants.models import Tenant


class ModuleNotInPlanProblem(ForbiddenProblem):
    """The tenant's plan does not include the module."""

    slug = "module-not-in-plan"
    title = "Not in your plan"


class ReadOnlyGraceProblem(ProblemError):
    """Payment is overdue past the warning days: the business modules are read-only until paid."""

    status = 402
    slug = "subscription-read-only"
    title = "Read-only until payment"


class SubscriptionInactiveProblem(ProblemError):
    """The subscription is suspended or canceled: the business modules are closed."""

    status = 402
    slug = "subscription-inactive"
    title = "Subscription inactive"


class PlanLimitProblem(ProblemError):
    """A limit of the plan is reached; the problem names the limit and the usage."""

    status = 402
    slug = "plan-limit-reached"
    title = "Plan limit reached"


def _plan_label(entitlements: dict[str, Any]) -> str:
    return (
        f"{entitlements.get('plan_name') or entitlements.get('plan')} (v{entitlements.get('plan_version')})"
    )


def phase(tenant: Tenant) -> Phase | None:
    """The subscription's phase now (``None``: no subscription)."""
    entitlements = tenant.entitlements
    if entitlements is None:
        return None
    lapse_raw = entitlements.get("lapse")
    lapse = dt.datetime.fromisoformat(lapse_raw) if lapse_raw else None
    return phase_at(entitlements["status"], lapse, tenant_now(tenant))


def plan_includes(tenant: Tenant, module: str) -> bool:
    """Whether the tenant's plan includes ``module`` (always, without a subscription)."""
    entitlements = tenant.entitlements
    return entitlements is None or module in entitlements.get("modules", ())


def check_route(tenant: Tenant, module: str | None, *, write: bool) -> None:
    """Refuse a business module's route the plan does not allow: a module outside the plan
    (403 naming the plan), a write in read-only grace or any use while suspended (402)."""
    entitlements = tenant.entitlements
    if entitlements is None or module is None:
        return
    if module not in entitlements.get("modules", ()):
        raise ModuleNotInPlanProblem(
            f"The {module} module is not in your plan {_plan_label(entitlements)}; "
            "upgrade the plan on the billing page to use it."
        )
    access = access_of(phase(tenant) or Phase.ACTIVE)
    if access is Access.NONE:
        raise SubscriptionInactiveProblem(
            f"Your subscription to {_plan_label(entitlements)} is {phase(tenant)}; "
            "pay the open invoice on the billing page to reopen the modules."
        )
    if access is Access.READ_ONLY and write:
        raise ReadOnlyGraceProblem(
            "Payment is overdue: the business modules are read-only until the open invoice is paid "
            "(reads and exports still work)."
        )


def limit_of(tenant: Tenant, name: str) -> int | None:
    """A limit of the tenant's plan (``seats``, ``accounts``, ``storage_mb``, ``api_calls_month``,
    ``venues``); ``None`` is unlimited."""
    entitlements = tenant.entitlements
    if entitlements is None:
        return None
    value = entitlements.get("seats") if name == "seats" else (entitlements.get("limits") or {}).get(name)
    return None if value is None else int(value)


def check_limit(tenant: Tenant, name: str, usage: int, *, adding: int = 1) -> None:
    """Refuse adding ``adding`` more of ``name`` when it would pass the plan's limit."""
    limit = limit_of(tenant, name)
    if limit is None or usage + adding <= limit:
        return
    plan = _plan_label(tenant.entitlements or {})
    raise PlanLimitProblem(
        f"Your plan {plan} allows {limit} {name}; {usage} are in use. "
        "Add seats or upgrade the plan on the billing page.",
        errors=[FieldError(field=name, message=f"limit {limit}, in use {usage}")],
    )


def check_api_call(tenant: Tenant, module: str | None) -> None:
    """Count an API call of the tenant this month (in memory, see ``metering.py``); a business
    module's call beyond the plan's ``api_calls_month`` is refused (402 naming the limit and the
    usage) and not counted. Kernel routes (billing, account) always answer, so the tenant can
    upgrade. No query: the month's total comes from the tenant row and this process's counter."""
    month = month_of(tenant_now(tenant))
    if module is not None and tenant.entitlements is not None:
        limit = limit_of(tenant, "api_calls_month")
        if limit is not None:
            used = METER.api_calls(tenant, month)
            if used >= limit:
                raise PlanLimitProblem(
                    f"Your plan {_plan_label(tenant.entitlements)} allows {limit} API calls a month; "
                    f"{used} were made this month. Upgrade the plan or add API calls on the billing page.",
                    errors=[FieldError(field="api_calls_month", message=f"limit {limit}, in use {used}")],
                )
    METER.count(tenant.id, month)


def check_storage(tenant: Tenant, stored: int, adding: int) -> None:
    """Refuse storing ``adding`` more bytes when the files would pass the plan's ``storage_mb``."""
    limit = limit_of(tenant, "storage_mb")
    if limit is None or stored + adding <= limit * MIB:
        return
    used = megabytes(stored)
    raise PlanLimitProblem(
        f"Your plan {_plan_label(tenant.entitlements or {})} allows {limit} MB of files; {used} MB are "
        f"stored and this file needs {megabytes(adding)} MB. Delete files, upgrade the plan or add "
        "storage on the billing page.",
        errors=[FieldError(field="storage_mb", message=f"limit {limit}, in use {used}")],
    )


# --- limits the areas count (their usage meters): customer accounts, venues ---------------------

#: What a counted limit counts, as its refusal names it (one, several).
COUNTED = {"accounts": ("customer account", "customer accounts"), "venues": ("venue", "venues")}
#: A refused import row's reason (the import preview shows it translated, with its values).
BEYOND_LIMIT = N_("beyond your plan's limit of %(limit)s (%(used)s in use)")
#: The limit and usage a refusal names in ``errors[].message`` (a form shows it translated).
SERVICE_MESSAGES = service_messages(N_("limit %(limit)s, in use %(used)s"), BEYOND_LIMIT)
_USAGE_LOCK = text("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")


@dataclass(frozen=True, slots=True)
class LimitUse:
    """A counted limit of the tenant's plan (with its add-ons) and what is used of it now."""

    name: str
    limit: int
    used: int

    @property
    def left(self) -> int:
        """How many more the plan allows."""
        return max(self.limit - self.used, 0)

    def beyond(self) -> str:
        """Why a row (of an import) that would add one more past the limit is refused."""
        return BEYOND_LIMIT % {"limit": self.limit, "used": self.used}


async def counted_use(session: AsyncSession, tenant: Tenant, name: str) -> LimitUse | None:
    """The counted limit ``name`` of the tenant's plan and its usage (one count query, by the
    area's usage meter); None when the plan does not limit it (no query then)."""
    limit = limit_of(tenant, name)
    if limit is None:
        return None
    return LimitUse(name=name, limit=limit, used=await counted(session, name) or 0)


async def check_counted(session: AsyncSession, tenant: Tenant, name: str, *, adding: int = 1) -> None:
    """Refuse creating ``adding`` more of the counted limit ``name`` (``accounts``, ``venues``)
    when that would pass the plan's limit: 402 ``plan-limit-reached`` naming the limit and the
    usage. Creations of one tenant and limit are counted one at a time (a transaction-scoped
    advisory lock, held to the commit), so two requests at the limit cannot both pass. A tenant
    without that limit (or without a subscription) is not counted: no query."""
    if limit_of(tenant, name) is None:
        return
    await session.execute(_USAGE_LOCK, {"key": f"usage:{tenant.id}:{name}"})
    use = await counted_use(session, tenant, name)
    if use is None or use.used + adding <= use.limit:
        return
    one, several = COUNTED.get(name, (name, name))
    adds = f" and this adds {adding}" if adding > 1 else ""
    raise PlanLimitProblem(
        f"Your plan {_plan_label(tenant.entitlements or {})} allows {use.limit} "
        f"{one if use.limit == 1 else several}; {use.used} {'is' if use.used == 1 else 'are'} in use{adds}. "
        f"Upgrade the plan or add {several} on the billing page.",
        errors=[FieldError(field=name, message=f"limit {use.limit}, in use {use.used}")],
    )
