"""CRM revenue: the blueprint parts (`[crm]` table) and how they are applied.

``[crm.settings]`` (the ``SettingsSpec`` of the accounts area) and ``[[crm.revenue]]``: an
account's consecutive monthly amounts from ``start``. Applying is idempotent (upsert by account
and month), keeps the decline streaks of the accounts whose months changed, then tiers and churn
are recomputed once.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal
from typing import Annotated, Any

import msgspec
from sqlalchemy import select

from bizsuite.core import clock
from bizsuite.core.blueprints import ApplyReport, Blueprint, BlueprintError, SectionError
from bizsuite.core.context import Context
from bizsuite.core.ids import new_id
from bizsuite.modules.crm.models import Account
from bizsuite.modules.crm.revenue import rules, services
from bizsuite.modules.crm.revenue.imports import UPSERT_SQL
from bizsuite.modules.crm.settings import crm_settings
from bizsuite.modules.crm.settings.schemas import MAX_FUTURE_MONTHS
from bizsuite.modules.crm.settings.services import latest_revenue_month

DecimalText = Annotated[str, msgspec.Meta(pattern=r"^\d{1,16}(\.\d{1,2})?$", examples=["12345.67"])]


class RevenueSpec(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """An account's monthly revenue: ``amounts`` are consecutive months from ``start`` (``YYYY-MM``)."""

    account: str
    start: Annotated[str, msgspec.Meta(pattern=r"^\d{4}-\d{2}$")]
    amounts: list[DecimalText]


def check(blueprint: Blueprint, section: Any) -> None:
    """Revenue names accounts of the blueprint, valid months, and each account once; shares grow."""
    if section.settings is not None:
        settings = section.settings
        if not 2 <= settings.churn_months <= 24:
            raise SectionError("settings.churn_months", "must be between 2 and 24")
        field = rules.tier_shares_valid(settings.tier_a_share, settings.tier_b_share)
        if field is not None:
            raise SectionError(f"settings.{field}", "tier shares must satisfy 0 < A < B <= 1")
    codes = {account.code for account in section.accounts}
    seen: set[str] = set()
    for i, spec in enumerate(section.revenue):
        if spec.account not in codes:
            raise SectionError(f"revenue[{i}].account", f"no account {spec.account!r} in [[crm.accounts]]")
        if spec.account in seen:
            raise SectionError(f"revenue[{i}].account", f"revenue of {spec.account!r} is listed twice")
        seen.add(spec.account)
        try:
            start = rules.parse_month(spec.start)
        except ValueError as exc:
            raise SectionError(f"revenue[{i}].start", str(exc)) from exc
        # The tenant's own horizon is checked when it is applied; no tenant's reaches further.
        latest = rules.latest_month_allowed(clock.real_now().date(), MAX_FUTURE_MONTHS)
        if late := rules.month_too_late(_last_month(start, spec), latest):
            raise SectionError(f"revenue[{i}].amounts", f"the last month {late}")


def _last_month(start: date, spec: RevenueSpec) -> date:
    return rules.add_months(start, max(len(spec.amounts) - 1, 0))


async def apply(ctx: Context, section: Any, report: ApplyReport) -> None:
    """Apply the settings and upsert the revenue, then recompute tiers and churn once."""
    if report.tenant is not None and ctx.principal.tenant is None:
        # The blueprint's context names no tenant; settings rows, alerts and events need it.
        ctx = Context(session=ctx.session, principal=dataclasses.replace(ctx.principal, tenant=report.tenant))
    changed = False
    if section.settings is not None:
        row = await crm_settings(ctx)
        spec = section.settings
        wanted = {
            "churn_months": spec.churn_months,
            "tier_a_share": Decimal(spec.tier_a_share),
            "tier_b_share": Decimal(spec.tier_b_share),
            "route_by_zone": spec.route_by_zone,
        }
        if any(getattr(row, k) != v for k, v in wanted.items()):
            for key, value in wanted.items():
                setattr(row, key, value)
            await ctx.session.flush()
            report.updated.append("crm.settings")
            changed = True
    if section.revenue:
        codes = {a.code for a in (await ctx.session.scalars(select(Account))).all()}
        values: list[tuple[str, Any, Decimal]] = []
        latest = await latest_revenue_month(ctx)  # the tenant's clock, zone and horizon
        for i, spec in enumerate(section.revenue):
            if spec.account not in codes:
                raise SectionError("revenue.account", f"no account {spec.account!r}")
            start = rules.parse_month(spec.start)
            if late := rules.month_too_late(_last_month(start, spec), latest):
                # Applying is one transaction: the refusal writes nothing, like a failed check.
                raise BlueprintError("blueprint", f"the last month {late}", field=f"crm.revenue[{i}].amounts")
            values += [
                (spec.account, rules.add_months(start, i), Decimal(a)) for i, a in enumerate(spec.amounts)
            ]
        result = await ctx.session.execute(
            UPSERT_SQL,
            {
                "tenant_id": ctx.tenant_id,
                "ids": [new_id() for _ in values],
                "codes": [v[0] for v in values],
                "months": [v[1] for v in values],
                "amounts": [v[2] for v in values],
            },
        )
        touched = list(result.scalars().all())  # the accounts of the months written
        if touched:
            report.updated.append(f"crm.revenue ({len(touched)} months)")
            await services.refresh_streaks(ctx, set(touched))
            changed = True
    if changed:
        await services.recompute(ctx)
