"""Response bodies of the CRM dashboard."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

import msgspec

from bizsuite.modules.crm.pipeline.schemas import PipelineStageSummary


class DashboardRevenueMonth(msgspec.Struct, kw_only=True):
    """Revenue of every account in one month (the month's first day)."""

    month: dt.date
    amount: Decimal


class DashboardTierFigures(msgspec.Struct, kw_only=True):
    """Active accounts of one key-account tier (``null``: not ranked yet) and their revenue."""

    tier: str | None
    accounts: int
    trailing_revenue: Decimal


class DashboardAtRisk(msgspec.Struct, kw_only=True):
    """Accounts on the churn watch list now and the revenue at stake."""

    count: int
    revenue_at_stake: Decimal


class DashboardSlaAttainment(msgspec.Struct, kw_only=True):
    """Milestones met and breached for one SLA policy or one zone (team).

    ``attainment_percent`` is met / (met + breached) in percent, one decimal; ``null`` when
    no milestone was decided yet. ``id``/``name`` are ``null`` for tickets without a zone.
    """

    id: uuid.UUID | None
    name: str | None
    met: int
    breached: int
    attainment_percent: Decimal | None


class CrmDashboard(msgspec.Struct, kw_only=True):
    """The CRM overview: pipeline by stage, revenue trend, tier mix, churn risk and SLA."""

    currency: str
    #: First month of the revenue trend and of the SLA window (tenant time zone).
    since: dt.date
    pipeline: list[PipelineStageSummary]
    revenue_trend: list[DashboardRevenueMonth]
    tiers: list[DashboardTierFigures]
    at_risk: DashboardAtRisk
    sla_by_policy: list[DashboardSlaAttainment]
    sla_by_zone: list[DashboardSlaAttainment]
