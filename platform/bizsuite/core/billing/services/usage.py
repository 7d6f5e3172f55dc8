"""A tenant's usage against every limit of its plan: the one function the billing page, the
billing API and the reseller's view show it from."""

from __future__ import annotations

from bizsuite.core.billing import metering
from bizsuite.core.billing.entitlements import limit_of
from bizsuite.core.billing.schemas import UsageOut
from bizsuite.core.billing.services.subscriptions import seats_in_use
from bizsuite.core.context import Context
from bizsuite.core.tenants.models import Tenant

#: The plan's limits, in the order they are shown.
LIMITS = ("seats", "accounts", "storage_mb", "api_calls_month", "venues")


async def usage_against_limits(ctx: Context, tenant: Tenant) -> list[UsageOut]:
    """Each limit of the tenant's plan (with its add-ons; ``limit`` null: unlimited) and what is
    used of it now: seats in use, customer accounts and venues as the CRM and venue audio count
    them (their usage meters), stored megabytes and this month's API calls. The session must be
    bound to ``tenant`` (it is, on the tenant's own routes)."""
    measured = await metering.measure(ctx.session, tenant)
    seats = await seats_in_use(ctx)
    return [
        UsageOut(
            name=name, limit=limit_of(tenant, name), used=seats if name == "seats" else measured.used(name)
        )
        for name in LIMITS
    ]
