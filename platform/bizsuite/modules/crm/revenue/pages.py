"""CRM revenue: web pages and their navigation entries.

- ``/crm/revenue``: revenue files (upload, preview with row errors, confirm, progress, history).
- ``/crm/key-accounts``: the tier table and the Pareto chart (大客户).
- ``/crm/churn``: the churn watch list (客户流失预警) with trends and exports.
- ``/crm/accounts/{id}/revenue-panel``: the panel lazy-loaded on an account's page.

Every page calls the services the API calls.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from decimal import Decimal
from typing import Any

from litestar import Controller, Request, Response, get, post
from litestar.di import NamedDependency
from litestar.params import FromPath
from litestar.response import Template
from multipart import MultipartSegment  # type: ignore[import-untyped]

from bizsuite.core.context import principal_of
from bizsuite.core.dependencies import Ctx
from bizsuite.core.errors import ProblemError
from bizsuite.core.files import services as files
from bizsuite.core.files.api import provide_storage
from bizsuite.core.identity.models import Role
from bizsuite.kit import NavItem, Panel
from bizsuite.modules.crm.models import ImportStatus
from bizsuite.modules.crm.revenue import imports, rules, services
from bizsuite.modules.crm.revenue.api import provide_churn_risk_filters, provide_key_account_filters
from bizsuite.modules.crm.revenue.schemas import ChurnRiskFilters, KeyAccountFilters, RevenueImportOut
from bizsuite.modules.crm.settings import CRM_SETTINGS
from bizsuite.web.exports import every_page, export_response
from bizsuite.web.forms import FormErrors, problem_errors
from bizsuite.web.i18n import N_
from bizsuite.web.i18n import gettext as _
from bizsuite.web.pages import Form
from bizsuite.web.support import filtered_by, query_params, redirect, run_action, signed_in
from bizsuite.web.templating import page
from bizsuite.web.uploads import UploadRefused, format_size, receive_upload, upload_policy

PAGE_SIZE = 25
#: Bars in the Pareto chart (the largest accounts; the line still ends at 100%).
PARETO_BARS = 60
TREND_MONTHS = 12

STATUS_LABELS = {
    ImportStatus.PREVIEWED.value: N_("Ready to import"),
    ImportStatus.REJECTED.value: N_("Rejected"),
    ImportStatus.RUNNING.value: N_("Importing"),
    ImportStatus.COMPLETED.value: N_("Imported"),
    ImportStatus.FAILED.value: N_("Failed"),
}
COLUMN_LABELS = {
    "account_code": N_("Account code"),
    "month": N_("Month"),
    "amount": N_("Amount"),
    "file": N_("File"),
}
#: The row-check messages of ``rules``/``imports``, translated where they are shown.
ROW_MESSAGES = {
    "is empty": N_("is empty"),
    "unknown account code": N_("unknown account code"),
    "must be a month like 2026-03": N_("must be a month like 2026-03"),
    "must be a number like 12345.67": N_("must be a number like 12345.67"),
    "must not be negative": N_("must not be negative"),
    "must have at most 2 decimal places": N_("must have at most 2 decimal places"),
    "is too large": N_("is too large"),
    "missing column": N_("missing column"),
    "the file is empty": N_("the file is empty"),
    "the file has no rows": N_("the file has no rows"),
    "upload a .csv or .xlsx file": N_("upload a .csv or .xlsx file"),
    "the workbook cannot be read": N_("the workbook cannot be read"),
    "the file is not UTF-8 or GB18030 text": N_("the file is not UTF-8 or GB18030 text"),
}
#: Toasts after a redirect (``?notice=<code>``).
#: The key-account and churn lists' filters: the API's typed query parameters, read leniently.
KEY_ACCOUNT_PAGE_FILTERS = filtered_by(provide_key_account_filters)
CHURN_PAGE_FILTERS = filtered_by(provide_churn_risk_filters)

NOTICES = {
    "crm_revenue.confirmed": N_("Import queued: the progress shows below."),
}


def row_message(message: str) -> str:
    """A row error's reason in the user's language."""
    if message.startswith("duplicate of row "):
        return _("duplicate of row %(row)s", row=message.removeprefix("duplicate of row "))
    if message.startswith("at most ") and message.endswith(" rows"):
        return _("at most %(count)s rows", count=message.removeprefix("at most ").removesuffix(" rows"))
    if message.startswith("the import failed"):
        return _("the import failed; nothing was imported")
    return _(ROW_MESSAGES[message]) if message in ROW_MESSAGES else message


def sparkline(values: list[Decimal], width: int = 120, height: int = 28) -> str:
    """SVG polyline points for a small trend line (the highest value at the top)."""
    if not values:
        return ""
    top = max(values) or Decimal(1)
    step = width / max(len(values) - 1, 1)
    return " ".join(
        f"{i * step:.1f},{height - 2 - float(v / top) * (height - 4):.1f}" for i, v in enumerate(values)
    )


def _refusal(problem: ProblemError, policy: files.UploadPolicy) -> str:
    """Why a revenue file was refused, in the user's language."""
    if isinstance(problem, files.PayloadTooLargeProblem):
        return _("The file is larger than the limit of %(size)s.", size=format_size(policy.max_bytes))
    if any(e.field == "name" for e in problem.errors or []):
        return _("Upload a .csv or .xlsx file.")
    return problem_errors(problem).get("__all__") or _("The upload could not be read.")


def _labels() -> dict[str, Any]:
    return {
        "status_labels": STATUS_LABELS,
        "column_labels": COLUMN_LABELS,
        "row_message": row_message,
        "month_label": rules.month_label,
        "sparkline": sparkline,
    }


class RevenueImportPages(Controller):
    """Revenue files: upload, preview, confirm, progress and history."""

    path = "/crm/revenue"
    include_in_schema = False
    guards = [signed_in]

    async def _render(
        self, ctx: Ctx, request: Request[Any, Any, Any], *, status_code: int = 200, error: str | None = None
    ) -> Template:
        rows, next_cursor = await imports.list_imports(
            ctx, limit=PAGE_SIZE, cursor=request.query_params.get("cursor")
        )
        policy = upload_policy(request)
        return page(
            request,
            "crm/revenue/imports.html",
            status_code=status_code,
            rows=rows,
            next_cursor=next_cursor,
            params=query_params(request, "cursor"),
            errors=FormErrors({"file": error} if error else {}),
            max_size=format_size(policy.max_bytes),
            **_labels(),
        )

    @get()
    async def revenue_imports(self, ctx: Ctx, request: Request[Any, Any, Any]) -> Template:
        """The upload form and the import history."""
        return await self._render(ctx, request)

    @post(
        "/upload",
        opt={"min_role": Role.MEMBER, "streams_body": True},
        request_max_body_size=None,
    )
    async def upload(self, ctx: Ctx, request: Request[Any, Any, Any]) -> Response[Any]:
        """Store the form's file and show its preview."""
        policy = upload_policy(request)

        async def store(
            part: MultipartSegment, chunks: AsyncIterator[bytes], _size: int | None, _fields: dict[str, str]
        ) -> RevenueImportOut:
            data = bytearray()
            async for chunk in chunks:
                data.extend(chunk)
                if len(data) > policy.max_bytes:
                    raise files.PayloadTooLargeProblem("too large")
            async with ctx.session.begin_nested():
                return await imports.create_import(
                    ctx,
                    provide_storage(request),
                    bytes(data),
                    filename=part.filename or "revenue.csv",
                    content_type=part.content_type,
                    policy=policy,
                )

        try:
            row = await receive_upload(request, policy, store, message=_refusal)
        except UploadRefused as refused:
            return await self._render(ctx, request, status_code=refused.status, error=refused.message)
        return redirect(f"/crm/revenue/imports/{row.id}")

    def _detail_context(self, row: RevenueImportOut) -> dict[str, Any]:
        error_cells = {(e.row, e.column) for e in row.errors}
        return {"import": row, "error_cells": error_cells, **_labels()}

    @get("/imports/{import_id:uuid}")
    async def import_detail(
        self, ctx: Ctx, request: Request[Any, Any, Any], import_id: FromPath[uuid.UUID]
    ) -> Template:
        """A file's preview: first rows, totals, row errors; confirm; progress."""
        row = await imports.get_import(ctx, import_id)
        return page(request, "crm/revenue/import.html", **self._detail_context(row))

    @get("/imports/{import_id:uuid}/progress")
    async def import_progress(
        self, ctx: Ctx, request: Request[Any, Any, Any], import_id: FromPath[uuid.UUID]
    ) -> Template:
        """The progress bar, polled by htmx while the import runs."""
        row = await imports.get_import(ctx, import_id)
        return Template(
            template_name="crm/revenue/_progress.html",
            context={"request": request, **self._detail_context(row)},
            media_type="text/html",
        )

    @post("/imports/{import_id:uuid}/confirm", opt={"min_role": Role.MEMBER})
    async def confirm(self, ctx: Ctx, import_id: FromPath[uuid.UUID], data: Form) -> Response[Any]:
        """Queue the import of a previewed file."""

        async def confirm() -> RevenueImportOut:
            async with ctx.session.begin_nested():
                return await imports.confirm_import(ctx, import_id)

        return await run_action(
            confirm, back=f"/crm/revenue/imports/{import_id}", notice="crm_revenue.confirmed"
        )


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
                _("Code"),
                _("Account"),
                _("Tier"),
                _("Trailing 12-month revenue"),
                _("Share"),
                _("Cumulative share"),
            ],
            [
                (
                    a.code,
                    a.name,
                    a.tier.value if a.tier else "",
                    str(a.trailing_revenue),
                    str(rules.share(a.trailing_revenue, total)),
                    str(rules.share(c, total)),
                )
                for a, c in found
            ],
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
        """Accounts at risk: tier A first, then by revenue at stake; trend of the last 12 months."""
        rows, next_cursor = await services.list_churn_risks(
            ctx, filters, limit=PAGE_SIZE, cursor=request.query_params.get("cursor")
        )
        trends = await services.trends(ctx, [risk.account_id for risk in rows], months=TREND_MONTHS)
        settings = await ctx.settings(CRM_SETTINGS)
        return page(
            request,
            "crm/revenue/churn.html",
            rows=rows,
            trends=trends,
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
                _("Code"),
                _("Account"),
                _("Tier"),
                _("Months of decline"),
                _("Declining since"),
                _("Revenue at stake"),
                _("Last 12 months"),
            ],
            [
                (
                    risk.code,
                    risk.name,
                    risk.tier.value if risk.tier else "",
                    risk.months_declining,
                    risk.streak_start,
                    str(risk.revenue_at_stake),
                    " ".join(str(v) for v in trends.get(risk.account_id, [])),
                )
                for risk in found
            ],
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
