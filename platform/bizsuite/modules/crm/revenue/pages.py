"""CRM revenue: web pages and their navigation entries.

- ``/crm/revenue``: revenue files (upload and history; the preview, column mapping, confirm,
  progress and discard are the import component's, ``/imports/<id>``).
- ``/crm/key-accounts``: the tier table and the Pareto chart (大客户).
- ``/crm/churn``: the churn watch list (客户流失预警) with trends and exports.
- ``/crm/accounts/{id}/revenue-panel``: the panel lazy-loaded on an account's page.

Every page calls the services the API calls.
"""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Any

from litestar import Controller, Request, Response, get, post
from litestar.di import NamedDependency
from litestar.params import FromPath
from litestar.response import Redirect, Template

from bizsuite.core.context import principal_of
from bizsuite.core.dependencies import Ctx
from bizsuite.core.identity.models import Role
from bizsuite.core.imports import services as component
from bizsuite.kit import NavItem, Panel, registry
from bizsuite.modules.crm.revenue import imports, rules, services
from bizsuite.modules.crm.revenue.api import provide_churn_risk_filters, provide_key_account_filters
from bizsuite.modules.crm.revenue.schemas import ChurnRiskFilters, KeyAccountFilters
from bizsuite.modules.crm.settings import CRM_SETTINGS
from bizsuite.web.exports import Column, every_page, export_response
from bizsuite.web.i18n import N_
from bizsuite.web.i18n import gettext as _
from bizsuite.web.imports_pages import upload_context, upload_file
from bizsuite.web.support import filtered_by, query_params, redirect, signed_in
from bizsuite.web.templating import page
from bizsuite.web.uploads import UploadRefused

PAGE_SIZE = 25
#: The churn watch list page as a target of other modules' list columns.
CHURN_LIST = "crm.churn"
#: Bars in the Pareto chart (the largest accounts; the line still ends at 100%).
PARETO_BARS = 60
TREND_MONTHS = 12

#: The key-account and churn lists' filters: the API's typed query parameters, read leniently.
KEY_ACCOUNT_PAGE_FILTERS = filtered_by(provide_key_account_filters)
CHURN_PAGE_FILTERS = filtered_by(provide_churn_risk_filters)


def sparkline(values: list[Decimal], width: int = 120, height: int = 28) -> str:
    """SVG polyline points for a small trend line (the highest value at the top)."""
    if not values:
        return ""
    top = max(values) or Decimal(1)
    step = width / max(len(values) - 1, 1)
    return " ".join(
        f"{i * step:.1f},{height - 2 - float(v / top) * (height - 4):.1f}" for i, v in enumerate(values)
    )


def _labels() -> dict[str, Any]:
    return {"month_label": rules.month_label, "sparkline": sparkline}


class RevenueImportPages(Controller):
    """Revenue files: the upload form and the history; the rest is the import component's
    (``/imports/<id>``: mapping, preview, confirm, progress, discard)."""

    path = "/crm/revenue"
    include_in_schema = False
    guards = [signed_in]

    async def _render(
        self, ctx: Ctx, request: Request[Any, Any, Any], *, status_code: int = 200, error: str | None = None
    ) -> Template:
        rows, next_cursor = await component.list_imports(
            ctx, imports.KIND, limit=PAGE_SIZE, cursor=request.query_params.get("cursor")
        )
        return page(
            request,
            "crm/revenue/imports.html",
            status_code=status_code,
            rows=rows,
            next_cursor=next_cursor,
            params=query_params(request, "cursor"),
            **upload_context(request, imports.REVENUE, error),
        )

    @get()
    async def revenue_imports(self, ctx: Ctx, request: Request[Any, Any, Any]) -> Template:
        """The upload form and the import history."""
        return await self._render(ctx, request)

    @post("/upload", opt={"min_role": Role.MEMBER, "streams_body": True}, request_max_body_size=None)
    async def upload(self, ctx: Ctx, request: Request[Any, Any, Any]) -> Response[Any]:
        """Store the form's file and show its preview."""
        try:
            row = await upload_file(ctx, request, imports.REVENUE)
        except UploadRefused as refused:
            return await self._render(ctx, request, status_code=refused.status, error=refused.message)
        return redirect(f"/imports/{row.id}")

    @get("/imports/{import_id:uuid}")
    async def import_detail(self, ctx: Ctx, import_id: FromPath[uuid.UUID]) -> Response[Any]:
        """Where a revenue file's page was: now the import component's."""
        await imports.get_import(ctx, import_id)  # 404 for another tenant's or kind's import
        return Redirect(f"/imports/{import_id}", status_code=301)


class KeyAccountPages(Controller):
    """Key accounts (大客户): tiers and the Pareto chart."""

    path = "/crm/key-accounts"
    include_in_schema = False
    guards = [signed_in]

    @get(**KEY_ACCOUNT_PAGE_FILTERS)
    async def key_accounts(
        self, ctx: Ctx, request: Request[Any, Any, Any], filters: NamedDependency[KeyAccountFilters]
    ) -> Template:
        """The tier table, largest trailing revenue first, and the Pareto chart."""
        view = await services.list_key_accounts(
            ctx, filters, limit=PAGE_SIZE * 2, cursor=request.query_params.get("cursor")
        )
        settings = await ctx.settings(CRM_SETTINGS)
        counts = await services.tier_counts(ctx)
        return page(
            request,
            "crm/revenue/key_accounts.html",
            view=view,
            tier=filters.tier,
            counts=counts,
            settings=settings,
            params=query_params(request, "tier", "cursor"),
            share=rules.share,
            **_labels(),
        )

    @get("/pareto.json")
    async def pareto(self, ctx: Ctx) -> dict[str, Any]:
        """The Pareto chart's data: revenue by account (largest first) and the cumulative share."""
        view = await services.list_key_accounts(ctx, limit=PARETO_BARS, cursor=None)
        settings = await ctx.settings(CRM_SETTINGS)
        total = view.total
        return {
            "labels": [account.name for account, _cumulative in view.accounts],
            "codes": [account.code for account, _cumulative in view.accounts],
            # A bar clicks through to its account.
            "links": [f"/crm/accounts/{account.id}" for account, _cumulative in view.accounts],
            "revenue": [float(account.trailing_revenue) for account, _cumulative in view.accounts],
            "cumulative": [float(rules.share(c, total) * 100) for _account, c in view.accounts],
            "tiers": [account.tier.value if account.tier else None for account, _c in view.accounts],
            "threshold": float(settings.tier_a_share * 100),
            "names": {"revenue": _("Trailing 12-month revenue"), "cumulative": _("Cumulative share (%)")},
            "marker": _("%(share)s%% of revenue", share=f"{float(settings.tier_a_share * 100):g}"),
        }

    @get("/export", **KEY_ACCOUNT_PAGE_FILTERS)
    async def export(
        self, ctx: Ctx, request: Request[Any, Any, Any], filters: NamedDependency[KeyAccountFilters]
    ) -> Response[bytes]:
        """The tiered accounts as CSV or XLSX."""
        found: list[Any] = []
        total = Decimal(0)

        async def fetch(cursor: str | None) -> tuple[list[Any], str | None]:
            nonlocal total
            view = await services.list_key_accounts(ctx, filters, limit=200, cursor=cursor)
            total = view.total
            return view.accounts, view.next_cursor

        found = await every_page(fetch)
        return export_response(
            request.query_params.get("format", "csv"),
            "key-accounts",
            [
                Column("code", _("Code")),
                Column("name", _("Account")),
                Column("tier", _("Tier")),
                Column("trailing_revenue", _("Trailing 12-month revenue"), "money"),
                Column("share", _("Share"), "percent"),
                Column("cumulative_share", _("Cumulative share"), "percent"),
            ],
            [
                (
                    a.code,
                    a.name,
                    a.tier.value if a.tier else "",
                    a.trailing_revenue,
                    rules.share(a.trailing_revenue, total),
                    rules.share(c, total),
                )
                for a, c in found
            ],
            sheet=_("Key accounts"),
        )


class ChurnPages(Controller):
    """The churn watch list (客户流失预警)."""

    path = "/crm/churn"
    include_in_schema = False
    guards = [signed_in]

    @get(**CHURN_PAGE_FILTERS)
    async def churn(
        self, ctx: Ctx, request: Request[Any, Any, Any], filters: NamedDependency[ChurnRiskFilters]
    ) -> Template:
        """Accounts at risk: tier A first, then by revenue at stake; trend of the last 12 months;
        and the columns other modules add to it (contracts: the customer-risk score and why)."""
        rows, next_cursor = await services.list_churn_risks(
            ctx, filters, limit=PAGE_SIZE, cursor=request.query_params.get("cursor")
        )
        account_ids = [risk.account_id for risk in rows]
        trends = await services.trends(ctx, account_ids, months=TREND_MONTHS)
        settings = await ctx.settings(CRM_SETTINGS)
        # Columns other modules add (contracts: the customer-risk score), each read once for the page.
        columns = registry().columns_for(CHURN_LIST, ctx.principal)
        column_values = {c.key: await c.values(ctx, account_ids) if account_ids else {} for c in columns}
        return page(
            request,
            "crm/revenue/churn.html",
            rows=rows,
            trends=trends,
            columns=columns,
            column_values=column_values,
            next_cursor=next_cursor,
            tier=filters.tier,
            settings=settings,
            as_of=await services.latest_month(ctx),
            params=query_params(request, "tier", "cursor"),
            **_labels(),
        )

    @get("/export", **CHURN_PAGE_FILTERS)
    async def export(
        self, ctx: Ctx, request: Request[Any, Any, Any], filters: NamedDependency[ChurnRiskFilters]
    ) -> Response[bytes]:
        """The watch list as CSV or XLSX."""
        found = await every_page(
            lambda cursor: services.list_churn_risks(ctx, filters, limit=200, cursor=cursor)
        )
        trends = await services.trends(ctx, [risk.account_id for risk in found], months=TREND_MONTHS)
        return export_response(
            request.query_params.get("format", "csv"),
            "churn-watch-list",
            [
                Column("code", _("Code")),
                Column("name", _("Account")),
                Column("tier", _("Tier")),
                Column("months_declining", _("Months of decline"), "int"),
                Column("streak_start", _("Declining since"), "date"),
                Column("revenue_at_stake", _("Revenue at stake"), "money"),
                Column("trend", _("Last 12 months")),
            ],
            [
                (
                    risk.code,
                    risk.name,
                    risk.tier.value if risk.tier else "",
                    risk.months_declining,
                    risk.streak_start,
                    risk.revenue_at_stake,
                    " ".join(str(v) for v in trends.get(risk.account_id, [])),
                )
                for risk in found
            ],
            sheet=_("Churn watch"),
        )


class AccountRevenuePanel(Controller):
    """The revenue panel lazy-loaded on an account's page."""

    path = "/crm/accounts"
    include_in_schema = False
    guards = [signed_in]

    @get("/{account_id:uuid}/revenue-panel")
    async def revenue_panel(
        self, ctx: Ctx, request: Request[Any, Any, Any], account_id: FromPath[uuid.UUID]
    ) -> Template:
        """Sparkline, monthly table, tier and at-risk badge (404 for another tenant's account)."""
        view = await services.account_revenue(ctx, account_id, last=TREND_MONTHS)
        return Template(
            template_name="crm/revenue/_account_panel.html",
            context={
                "request": request,
                "view": view,
                "amounts": [amount for _month, amount, _recorded in view.months],
                "principal": principal_of(request),
                "tenant": principal_of(request).tenant,
                **_labels(),
            },
            media_type="text/html",
        )


PAGES: list[type[Controller]] = [
    RevenueImportPages,
    KeyAccountPages,
    ChurnPages,
    AccountRevenuePanel,
]
NAVIGATION: list[NavItem] = [
    NavItem(N_("Key accounts"), "/crm/key-accounts", module="crm", section=N_("CRM")),
    NavItem(N_("Churn watch"), "/crm/churn", module="crm", section=N_("CRM")),
    NavItem(N_("Revenue"), "/crm/revenue", module="crm", section=N_("CRM")),
]
#: The account page's revenue panel.
PANELS: list[Panel] = [Panel("crm.account", "revenue", "/crm/accounts/{id}/revenue-panel", order=10)]
#: The revenue area's alert kinds, by type.
ALERT_KINDS = {"crm.churn_risk": N_("Churn risk")}
