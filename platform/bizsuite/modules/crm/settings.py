"""The tenant's CRM settings row, created with the defaults on first use."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert

from bizsuite.core.context import Context
from bizsuite.core.ids import new_id
from bizsuite.modules.crm.models import CrmSettings


async def crm_settings(ctx: Context) -> CrmSettings:
    """Return the tenant's CRM settings (churn months, tier shares, zone routing, calendar)."""
    found = await ctx.session.scalar(select(CrmSettings))
    if found is not None:
        return found
    await ctx.session.execute(
        insert(CrmSettings)
        .values(tenant_id=ctx.tenant_id, id=new_id())
        .on_conflict_do_nothing(index_elements=["tenant_id"])
    )
    created = await ctx.session.scalar(select(CrmSettings))
    assert created is not None
    return created
