"""The tenant's budgets settings (created with the defaults on first use): the monthly
submission day and how many days before it the reminder goes out."""

from __future__ import annotations

import msgspec
from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert

from bizsuite.core.context import Context, snapshot
from bizsuite.core.ids import new_id
from bizsuite.core.repository import check_version
from bizsuite.kit import SettingsSpec
from bizsuite.modules.budgets.models import BudgetsSettings
from bizsuite.modules.budgets.schemas import BudgetsSettingsUpdate, BudgetsSettingsView


async def _load(ctx: Context) -> BudgetsSettings:
    found: BudgetsSettings | None = await ctx.session.scalar(select(BudgetsSettings))
    if found is not None:
        return found
    await ctx.session.execute(
        insert(BudgetsSettings)
        .values(tenant_id=ctx.tenant_id, id=new_id())
        .on_conflict_do_nothing(index_elements=["tenant_id"])
    )
    created: BudgetsSettings | None = await ctx.session.scalar(select(BudgetsSettings))
    assert created is not None
    return created


#: The budgets module's typed settings: ``await ctx.settings(BUDGETS_SETTINGS)``.
BUDGETS_SETTINGS: SettingsSpec[BudgetsSettings] = SettingsSpec("budgets", _load)


def settings_view(row: BudgetsSettings) -> BudgetsSettingsView:
    """The settings as the API sends them."""
    return msgspec.convert(row, BudgetsSettingsView, from_attributes=True)


async def get_settings(ctx: Context) -> BudgetsSettingsView:
    """The tenant's budgets settings."""
    return settings_view(await ctx.settings(BUDGETS_SETTINGS))


async def update_settings(
    ctx: Context, data: BudgetsSettingsUpdate, if_match: str | None
) -> BudgetsSettingsView:
    """Change the submission day or the reminder's lead (``If-Match``)."""
    row = await ctx.settings(BUDGETS_SETTINGS)
    check_version(row, if_match)
    before = snapshot(row)
    if not isinstance(data.submission_day, msgspec.UnsetType):
        row.submission_day = data.submission_day
    if not isinstance(data.reminder_days, msgspec.UnsetType):
        row.reminder_days = data.reminder_days
    await ctx.session.flush()
    ctx.audit("budgets.settings.updated", row, before=before, after=snapshot(row))
    return settings_view(row)
