"""CRM dashboard: API controllers (tag `crm`)."""

from __future__ import annotations

from typing import Annotated

from litestar import Controller, get
from litestar.params import QueryParameter

from bizsuite.core.context import tenant_guard
from bizsuite.core.dependencies import Ctx
from bizsuite.modules.crm.dashboard import services
from bizsuite.modules.crm.dashboard.schemas import (
    CrmDashboard,
    DashboardAtRisk,
    DashboardRevenueMonth,
    DashboardSlaAttainment,
    DashboardTierFigures,
)
from bizsuite.modules.crm.pipeline.schemas import PipelineStageSummary

MonthsParam = Annotated[
    int,
    QueryParameter(ge=1, le=36, description="Months of revenue trend and SLA history, this one included."),
]


def _attainment(figures: services.Attainment) -> DashboardSlaAttainment:
    return DashboardSlaAttainment(
        id=figures.id,
        name=figures.name,
        met=figures.met,
        breached=figures.breached,
        attainment_percent=figures.percent,
    )


def dashboard_out(currency: str, figures: services.Dashboard) -> CrmDashboard:
    """The API shape of the dashboard's figures."""
    return CrmDashboard(
        currency=currency,
        since=figures.since,
        pipeline=[
            PipelineStageSummary(
                stage_id=s.stage.id,
                name=s.stage.name,
                kind=s.stage.kind,
                probability=s.stage.probability,
                count=s.count,
                amount=s.amount,
                weighted_amount=s.weighted_amount,
            )
            for s in figures.pipeline
        ],
        revenue_trend=[DashboardRevenueMonth(month=m, amount=a) for m, a in figures.revenue_trend],
        tiers=[DashboardTierFigures(tier=t, accounts=n, trailing_revenue=r) for t, n, r in figures.tiers],
        at_risk=DashboardAtRisk(count=figures.at_risk[0], revenue_at_stake=figures.at_risk[1]),
        sla_by_policy=[_attainment(a) for a in figures.sla_by_policy],
        sla_by_zone=[_attainment(a) for a in figures.sla_by_zone],
    )


class CrmDashboardController(Controller):
    """The CRM overview in numbers."""

    path = "/api/v1/crm/dashboard"
    tags = ["crm"]
    guards = [tenant_guard]

    @get(operation_id="get_crm_dashboard", summary="CRM dashboard figures")
    async def get_crm_dashboard(self, ctx: Ctx, months: MonthsParam = 12) -> CrmDashboard:
        """Pipeline by stage, revenue trend, tier mix, churn risk and SLA attainment."""
        return dashboard_out(ctx.tenant.currency, await services.dashboard(ctx, months=months))


CONTROLLERS: list[type[Controller]] = [CrmDashboardController]
