"""The tenant's contracts settings (created with the defaults on first use), read once per request
through ``ctx.settings(CONTRACTS_SETTINGS)``, the tenant's today, and contract numbering (the
kernel's gap-free counters, ``core/numbering``)."""

from __future__ import annotations

import contextlib
from datetime import date
from zoneinfo import ZoneInfo

import msgspec
from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert

from bizsuite.core import clock, numbering
from bizsuite.core.context import Context, snapshot
from bizsuite.core.errors import ValidationProblem
from bizsuite.core.ids import new_id
from bizsuite.core.repository import check_version
from bizsuite.kit import SettingsSpec
from bizsuite.modules.contracts import rules
from bizsuite.modules.contracts.models import ContractsSettings
from bizsuite.modules.contracts.schemas import ContractsSettingsUpdate, ContractsSettingsView


async def _load(ctx: Context) -> ContractsSettings:
    found: ContractsSettings | None = await ctx.session.scalar(select(ContractsSettings))
    if found is not None:
        return found
    await ctx.session.execute(
        insert(ContractsSettings)
        .values(tenant_id=ctx.tenant_id, id=new_id())
        .on_conflict_do_nothing(index_elements=["tenant_id"])
    )
    created: ContractsSettings | None = await ctx.session.scalar(select(ContractsSettings))
    assert created is not None
    return created


#: The contracts module's typed settings: ``await ctx.settings(CONTRACTS_SETTINGS)``.
CONTRACTS_SETTINGS: SettingsSpec[ContractsSettings] = SettingsSpec("contracts", _load)


def today(ctx: Context) -> date:
    """The tenant's today: its clock (a sandbox's test clock too) in its time zone."""
    tenant = ctx.principal.tenant
    now = clock.now(ctx)
    with contextlib.suppress(ValueError, KeyError):
        now = now.astimezone(ZoneInfo(tenant.time_zone)) if tenant is not None and tenant.time_zone else now
    return now.date()


def settings_view(row: ContractsSettings, year: int) -> ContractsSettingsView:
    """The settings as the API sends them, with an example number for ``year``."""
    return ContractsSettingsView(
        number_pattern=row.number_pattern,
        number_example=rules.format_number(row.number_pattern, year, 1),
        spend_rule=row.spend_rule,
        expiry_alert_days=list(row.expiry_alert_days),
        milestone_alert_days=row.milestone_alert_days,
        qualification_alert_days=row.qualification_alert_days,
        risk_weights=rules.risk_weights(row.risk_weights),
        updated_at=row.updated_at,
        version=row.version,
    )


async def get_settings(ctx: Context) -> ContractsSettingsView:
    """The tenant's contracts settings."""
    return settings_view(await ctx.settings(CONTRACTS_SETTINGS), today(ctx).year)


async def update_settings(
    ctx: Context, data: ContractsSettingsUpdate, if_match: str | None
) -> ContractsSettingsView:
    """Change the number pattern or the 以收定支 rule (``If-Match``); a bad pattern is a 422."""
    row = await ctx.settings(CONTRACTS_SETTINGS)
    check_version(row, if_match)
    before = snapshot(row)
    if not isinstance(data.number_pattern, msgspec.UnsetType):
        error = rules.pattern_error(data.number_pattern)
        if error is not None:
            raise ValidationProblem.for_field("number_pattern", error)
        row.number_pattern = data.number_pattern
    if not isinstance(data.spend_rule, msgspec.UnsetType):
        row.spend_rule = data.spend_rule
    if not isinstance(data.expiry_alert_days, msgspec.UnsetType):
        row.expiry_alert_days = sorted(set(data.expiry_alert_days))
    if not isinstance(data.milestone_alert_days, msgspec.UnsetType):
        row.milestone_alert_days = data.milestone_alert_days
    if not isinstance(data.qualification_alert_days, msgspec.UnsetType):
        row.qualification_alert_days = data.qualification_alert_days
    if not isinstance(data.risk_weights, msgspec.UnsetType):
        given = {k: v for k, v in msgspec.structs.asdict(data.risk_weights).items() if v is not None}
        row.risk_weights = {**rules.risk_weights(row.risk_weights), **given}
    await ctx.session.flush()
    ctx.audit("contracts.settings.updated", row, before=before, after=snapshot(row))
    return settings_view(row, today(ctx).year)


#: The kernel counter (``core/numbering``) contract numbers take their ``{seq}`` from, per year.
NUMBER_SERIES = "contracts.contract"


async def next_number(ctx: Context, year: int) -> str:
    """The next contract number of ``year``. The year's kernel counter is incremented and stays
    locked until the creating transaction ends: concurrent registrations wait for each other, and
    a registration that rolls back takes its number back with it, so numbers have no gaps."""
    seq = await numbering.take(ctx, NUMBER_SERIES, str(year))
    pattern = (await ctx.settings(CONTRACTS_SETTINGS)).number_pattern
    return rules.format_number(pattern, year, seq)
