"""The tenant's CRM settings row (created with the defaults on first use), read once per request
through ``ctx.settings(CRM_SETTINGS)``, and the one update service (a change of churn months or
tier shares recomputes tiers and churn)."""

from __future__ import annotations

import contextlib
from datetime import date
from decimal import Decimal
from zoneinfo import ZoneInfo

import msgspec
from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert

from bizsuite.core import clock
from bizsuite.core.context import Context, snapshot
from bizsuite.core.errors import ValidationProblem
from bizsuite.core.ids import new_id
from bizsuite.core.repository import check_version
from bizsuite.kit import SettingsSpec
from bizsuite.modules.crm.calendar import WEEKDAYS, BusinessCalendar
from bizsuite.modules.crm.models import CrmSettings
from bizsuite.modules.crm.revenue.rules import latest_month_allowed
from bizsuite.modules.crm.settings.schemas import CrmSettingsOut, CrmSettingsUpdate


async def _load(ctx: Context) -> CrmSettings:
    found: CrmSettings | None = await ctx.session.scalar(select(CrmSettings))
    if found is not None:
        return found
    await ctx.session.execute(
        insert(CrmSettings)
        .values(tenant_id=ctx.tenant_id, id=new_id())
        .on_conflict_do_nothing(index_elements=["tenant_id"])
    )
    created: CrmSettings | None = await ctx.session.scalar(select(CrmSettings))
    assert created is not None
    return created


#: The CRM's typed settings: ``await ctx.settings(CRM_SETTINGS)`` reads them once per request.
CRM_SETTINGS: SettingsSpec[CrmSettings] = SettingsSpec("crm", _load)


async def crm_settings(ctx: Context) -> CrmSettings:
    """The tenant's CRM settings (churn months, tier shares, zone routing, calendar, the horizon
    of revenue months), read once per request."""
    return await ctx.settings(CRM_SETTINGS)


async def latest_revenue_month(ctx: Context) -> date:
    """The last month revenue may be entered for (API, import, blueprint): the tenant's current
    month, by its clock and time zone, plus its ``revenue_future_months`` setting (0 by default:
    revenue is booked after the fact, and a later month is most often a typo that would move the
    tenant's "as of" month and empty every account's current figures)."""
    tenant = ctx.principal.tenant
    now = clock.now(ctx)
    with contextlib.suppress(ValueError, KeyError):
        now = now.astimezone(ZoneInfo(tenant.time_zone)) if tenant is not None and tenant.time_zone else now
    horizon = (await ctx.settings(CRM_SETTINGS)).revenue_future_months
    return latest_month_allowed(now.date(), horizon)


def settings_view(row: CrmSettings) -> CrmSettingsOut:
    """The view of the settings row (what the API sends and the page shows)."""
    return CrmSettingsOut(
        id=row.id,
        churn_months=row.churn_months,
        tier_a_share=row.tier_a_share,
        tier_b_share=row.tier_b_share,
        route_by_zone=row.route_by_zone,
        business_calendar=msgspec.convert(row.business_calendar or {}, BusinessCalendar),
        revenue_future_months=row.revenue_future_months,
        updated_at=row.updated_at,
        version=row.version,
    )


#: Kept for callers of the former name.
settings_out = settings_view


async def get_crm_settings(ctx: Context) -> CrmSettingsOut:
    """The tenant's CRM settings as a view."""
    return settings_view(await crm_settings(ctx))


def _checked_calendar(calendar: BusinessCalendar) -> BusinessCalendar:
    for day, (start, end) in calendar.hours.items():
        if day not in WEEKDAYS:
            raise ValidationProblem.for_field(
                f"business_calendar.hours.{day}", "use mon, tue, wed, thu, fri, sat or sun"
            )
        if start >= end:
            raise ValidationProblem.for_field(
                f"business_calendar.hours.{day}", "the end must be after the start"
            )
    return BusinessCalendar(hours=calendar.hours, holidays=sorted(set(calendar.holidays)))


def _check_shares(a_share: Decimal, b_share: Decimal) -> None:
    # "NaN" decodes as a Decimal and cannot even be compared: refuse it first (422, not 500).
    for name, value in (("tier_a_share", a_share), ("tier_b_share", b_share)):
        if not value.is_finite():
            raise ValidationProblem.for_field(name, "must be a number between 0 and 1")
    if not Decimal(0) < a_share < Decimal(1):
        raise ValidationProblem.for_field("tier_a_share", "must be above 0 and below 1")
    if not a_share < b_share <= Decimal(1):
        raise ValidationProblem.for_field("tier_b_share", "must be above the tier A share and at most 1")
    for name, value in (("tier_a_share", a_share), ("tier_b_share", b_share)):
        if value != value.quantize(Decimal("0.0001")):
            raise ValidationProblem.for_field(name, "must have at most 4 decimal places")


async def update_crm_settings(
    ctx: Context, data: CrmSettingsUpdate, if_match: str | None
) -> tuple[CrmSettings, bool]:
    """Change the settings row; returns it and whether tiers and churn must be recomputed
    (:func:`save_crm_settings` does both)."""
    row = await crm_settings(ctx)
    check_version(row, if_match)
    before = snapshot(row)
    a_share = data.tier_a_share if data.tier_a_share is not None else row.tier_a_share
    b_share = data.tier_b_share if data.tier_b_share is not None else row.tier_b_share
    _check_shares(a_share, b_share)
    recompute = (
        (data.churn_months is not None and data.churn_months != row.churn_months)
        or a_share != row.tier_a_share
        or b_share != row.tier_b_share
    )
    if data.churn_months is not None:
        row.churn_months = data.churn_months
    row.tier_a_share, row.tier_b_share = a_share, b_share
    if data.route_by_zone is not None:
        row.route_by_zone = data.route_by_zone
    if data.revenue_future_months is not None:
        row.revenue_future_months = data.revenue_future_months
    if data.business_calendar is not None:
        row.business_calendar = msgspec.to_builtins(_checked_calendar(data.business_calendar))
    await ctx.session.flush()
    ctx.audit("crm.settings.updated", row, before=before, after=snapshot(row))
    return row, recompute


async def save_crm_settings(ctx: Context, data: CrmSettingsUpdate, if_match: str | None) -> CrmSettingsOut:
    """Change the settings (send the version); new churn months or tier shares recompute the
    watch list (and the tiers, when the shares changed) at once. The accounts' decline streaks do
    not depend on the churn months, so none is recomputed. The request's memoised settings are
    dropped either way."""
    # Revenue reads these settings: imported here so the import graph stays acyclic.
    from bizsuite.modules.crm.revenue.services import recompute

    current = await crm_settings(ctx)
    shares = (current.tier_a_share, current.tier_b_share)
    try:
        row, changed = await update_crm_settings(ctx, data, if_match)
    finally:
        ctx.forget_settings(CRM_SETTINGS)
    if changed:
        await recompute(ctx, tiers=(row.tier_a_share, row.tier_b_share) != shares)
    return settings_view(row)
