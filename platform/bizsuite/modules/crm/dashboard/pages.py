"""CRM dashboard: web pages and their navigation entries."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from litestar import Controller, Request, get
from litestar.response import Template

from bizsuite.core.dependencies import Ctx
from bizsuite.kit import NavItem
from bizsuite.modules.crm.dashboard import services
from bizsuite.modules.crm.models import StageKind
from bizsuite.web.i18n import N_
from bizsuite.web.i18n import gettext as _
from bizsuite.web.support import signed_in
from bizsuite.web.templating import page


def chart_data(figures: services.Dashboard) -> dict[str, Any]:
    """What the page's charts draw (amounts as decimal strings; labels in the user's language)."""
    unranked = _("Not ranked")
    no_zone = _("No zone")
    return {
        "pipeline": {
            "labels": [s.stage.name for s in figures.pipeline],
            "series": [
                {"name": _("Amount"), "values": [str(s.amount) for s in figures.pipeline]},
                {"name": _("Expected value"), "values": [str(s.weighted_amount) for s in figures.pipeline]},
            ],
            # Each chart's bars click through to the records they sum up.
            "links": [f"/crm/pipeline/opportunities?stage_id={s.stage.id}" for s in figures.pipeline],
        },
        "revenue": {
            "labels": [m.strftime("%Y-%m") for m, _amount in figures.revenue_trend],
            "series": [{"name": _("Revenue"), "values": [str(a) for _month, a in figures.revenue_trend]}],
            "links": [f"/crm/revenue?month={m:%Y-%m}" for m, _amount in figures.revenue_trend],
        },
        "tiers": {
            "labels": [tier or unranked for tier, _n, _r in figures.tiers],
            "series": [
                {"name": _("Accounts"), "values": [n for _t, n, _r in figures.tiers], "axis": 1},
                {"name": _("Trailing 12-month revenue"), "values": [str(r) for _t, _n, r in figures.tiers]},
            ],
            "links": [f"/crm/key-accounts?tier={t}" if t else "/crm/accounts" for t, _n, _r in figures.tiers],
        },
        "sla_policy": {
            "labels": [a.name or "" for a in figures.sla_by_policy],
            "series": [
                {
                    "name": _("SLA attainment"),
                    "values": [str(a.percent or 0) for a in figures.sla_by_policy],
                }
            ],
            "percent": True,
        },
        "sla_zone": {
            "labels": [a.name or no_zone for a in figures.sla_by_zone],
            "series": [
                {
                    "name": _("SLA attainment"),
                    "values": [str(a.percent or 0) for a in figures.sla_by_zone],
                }
            ],
            "percent": True,
        },
    }


class CrmDashboardPages(Controller):
    """The CRM overview."""

    path = "/crm"
    include_in_schema = False
    guards = [signed_in]

    @get()
    async def overview(self, ctx: Ctx, request: Request[Any, Any, Any]) -> Template:
        """Pipeline, revenue trend, tier mix, churn risk and SLA attainment at a glance."""
        figures = await services.dashboard(ctx)
        open_stages = [s for s in figures.pipeline if s.stage.kind is StageKind.OPEN]
        return page(
            request,
            "crm/dashboard/dashboard.html",
            figures=figures,
            open_amount=sum((s.amount for s in open_stages), Decimal("0.00")),
            open_weighted=sum((s.weighted_amount for s in open_stages), Decimal("0.00")),
            open_count=sum(s.count for s in open_stages),
            charts=chart_data(figures),
        )


PAGES: list[type[Controller]] = [CrmDashboardPages]
NAVIGATION: list[NavItem] = [NavItem(N_("CRM overview"), "/crm", module="crm", section=N_("CRM"))]
