"""The ``[crm]`` table of a blueprint: each area contributes its part and applies it."""

from __future__ import annotations

import msgspec

from bizsuite.core.blueprints import ApplyReport, Blueprint, BlueprintSection
from bizsuite.core.context import Context
from bizsuite.modules.crm.accounts import blueprint as accounts
from bizsuite.modules.crm.pipeline import blueprint as pipeline
from bizsuite.modules.crm.revenue import blueprint as revenue
from bizsuite.modules.crm.tickets import blueprint as tickets


class CrmSection(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """``[crm]``: settings, zones, accounts, pipeline stages, revenue and SLA policies."""

    settings: accounts.SettingsSpec | None = None
    zones: list[accounts.ZoneSpec] = msgspec.field(default_factory=list)
    accounts: list[accounts.AccountSpec] = msgspec.field(default_factory=list)
    pipeline_stages: list[pipeline.StageSpec] = msgspec.field(default_factory=list)
    opportunities: list[pipeline.OpportunitySpec] = msgspec.field(default_factory=list)
    revenue: list[revenue.RevenueSpec] = msgspec.field(default_factory=list)
    sla_policies: list[tickets.SlaPolicySpec] = msgspec.field(default_factory=list)


def check(blueprint: Blueprint, section: CrmSection) -> None:
    """Cross-references inside ``[crm]`` (raises :class:`~bizsuite.core.blueprints.SectionError`)."""
    for area in (accounts, pipeline, revenue, tickets):
        checker = getattr(area, "check", None)
        if checker is not None:
            checker(blueprint, section)


async def apply(ctx: Context, section: CrmSection, report: ApplyReport) -> None:
    """Apply the areas in dependency order: accounts before their revenue, stages, policies."""
    for area in (accounts, pipeline, revenue, tickets):
        await area.apply(ctx, section, report)


SECTION = BlueprintSection(spec=CrmSection, apply=apply, check=check)
