"""The tenant's CRM settings row (created with the defaults on first use), its API bodies and
the one update service (a change of churn months or tier shares recomputes tiers and churn)."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from typing import Annotated

import msgspec
from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert

from bizsuite.core.context import Context, snapshot
from bizsuite.core.errors import ValidationProblem
from bizsuite.core.ids import new_id
from bizsuite.core.repository import check_version
from bizsuite.modules.crm.calendar import BusinessCalendar
from bizsuite.modules.crm.models import CrmSettings

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
ChurnMonths = Annotated[int, msgspec.Meta(ge=2, le=24, description="Consecutive months of decline (2..24).")]
Share = Annotated[
    Decimal,
    msgspec.Meta(description="A share of revenue between 0 and 1, e.g. `0.8`.", examples=["0.8"]),
]


class CrmSettingsOut(msgspec.Struct, kw_only=True):
    """The tenant's CRM settings."""

    id: uuid.UUID
    churn_months: int
    tier_a_share: Decimal
    tier_b_share: Decimal
    route_by_zone: bool
    business_calendar: BusinessCalendar
    updated_at: datetime
    version: int


class CrmSettingsUpdate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Settings to change; omitted fields keep their value. Send ``If-Match: <version>``.

    Tier shares: 0 < ``tier_a_share`` < ``tier_b_share`` <= 1.
    """

    churn_months: ChurnMonths | None = None
    tier_a_share: Share | None = None
    tier_b_share: Share | None = None
    route_by_zone: bool | None = None
    business_calendar: BusinessCalendar | None = None


async def crm_settings(ctx: Context) -> CrmSettings:
    """Return the tenant's CRM settings (churn months, tier shares, zone routing, calendar)."""
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


def settings_out(row: CrmSettings) -> CrmSettingsOut:
    """The API view of the settings row."""
    return CrmSettingsOut(
        id=row.id,
        churn_months=row.churn_months,
        tier_a_share=row.tier_a_share,
        tier_b_share=row.tier_b_share,
        route_by_zone=row.route_by_zone,
        business_calendar=msgspec.convert(row.business_calendar or {}, BusinessCalendar),
        updated_at=row.updated_at,
        version=row.version,
    )


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
    """Change the settings; returns the row and whether tiers and churn must be recomputed."""
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
    if data.business_calendar is not None:
        row.business_calendar = msgspec.to_builtins(_checked_calendar(data.business_calendar))
    await ctx.session.flush()
    ctx.audit("crm.settings.updated", row, before=before, after=snapshot(row))
    return row, recompute
