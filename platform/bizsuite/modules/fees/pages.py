"""Fee billing pages: statements (list, generate, a statement with each line's why and its
actions), reconciliations (open, confirm, dispute), customs records and the yearly report."""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import AsyncIterator
from decimal import Decimal
from typing import Any, Literal

import msgspec
from litestar import Controller, HttpMethod, Request, Response, get, post, route
from litestar.di import NamedDependency
from litestar.params import FromPath
from litestar.response import Template
from sqlalchemy import select

from bizsuite.core.context import Context
from bizsuite.core.dependencies import Ctx
from bizsuite.core.identity.models import Role
from bizsuite.core.org_units.models import OrgUnit, OrgUnitKind
from bizsuite.core.views.services import list_saved_views
from bizsuite.kit import LinkTarget, NavItem, SearchProvider
from bizsuite.modules.fees import rules, setup_pages
from bizsuite.modules.fees.api import CUSTOMS_FILTERS, statement_filters
from bizsuite.modules.fees.schemas import (
    FeeAdjustmentCreate,
    FeeCustomsFilters,
    FeeCustomsRecordCreate,
    FeeIncomeEntryCreate,
    FeePaymentCreate,
    FeeProfitAudit,
    FeeProfitFigureCreate,
    FeeReconciliationDecision,
    FeeReconciliationOpen,
    FeeReport,
    FeeStatementFilters,
    FeeStatementGenerate,
)
from bizsuite.modules.fees.services import listing, metrics, payers, reconciliations, reports, statements
from bizsuite.modules.fees.services.common import today, visible_units
from bizsuite.web.exports import Column, export_response, export_view
from bizsuite.web.forms import Submission, form_context, read_form
from bizsuite.web.i18n import N_, service_messages
from bizsuite.web.i18n import gettext as _
from bizsuite.web.lists import ListState, list_context, list_export, list_export_source, list_state
from bizsuite.web.pages import Form
from bizsuite.web.support import filtered_by, query_as_sent, redirect, run_action, run_form, signed_in
from bizsuite.web.templating import page

PAGE_SIZE = 50
ZERO = Decimal("0.00")
#: Kinds of other income, as msgids.
#: What the services answer next to a form's fields, declared so the forms show it translated.
SERVICE_MESSAGES = service_messages(
    N_("%(period)s is not reconciled by both sides"),
    N_("no fee schedule is in force in %(period)s"),
    N_("%(period)s has no year-end settlement"),
    N_("statement %(number)s exists for that quarter (delete the draft to generate it again)"),
    N_("at most the outstanding %(amount)s %(currency)s"),
    N_(
        "the rate %(rate)s is outside the band %(low)s–%(high)s %(currency)s per %(per)s (both ends included)"
    ),
    N_("the figures changed since they were confirmed"),
    N_("no such day in that month"),
    N_("no such org unit"),
    N_("fees are billed to subsidiaries (org units of kind subsidiary)"),
    N_("customs totals are recorded in USD"),
    N_("the statement of that period is issued; record a correction as an adjustment"),
    N_("that year's profit is already recorded"),
    N_("that quarter's reconciliation is already open"),
    N_("HQ's side is confirmed by HQ finance, not by a subsidiary's staff"),
    N_("%(unit)s's side is confirmed by its own staff, not by HQ"),
    N_("say what does not match"),
    N_("must not be zero"),
    N_("no such statement line"),
    N_("adjust a line of an issued statement of the same subsidiary"),
    N_("a schedule already takes effect on that day"),
    N_("at most 2 decimals"),
    N_("at most 6 decimals"),
    N_("must be greater than 0"),
    N_("must not be negative"),
    N_("must be a number"),
    N_("quarters are 1 to 4, each once"),
    N_("a band settlement needs band_low and band_high"),
    N_("must not be below band_low"),
    N_("required for this kind"),
    N_("a percentage is at most 100"),
    N_("say why the subsidiary pays no fees"),
    N_("%(unit)s is not a fee payer: %(reason)s"),
    N_("%(unit)s is not wholly owned and not included in fee billing"),
    N_("the numbers must be unique: use {year} with {seq}, or with {quarter} and {subsidiary}"),
    N_("unknown field {%(name)s}: use {year}, {quarter}, {subsidiary} or {seq}"),
    N_("{seq} takes a width such as {seq:04d}"),
    N_("{%(name)s} takes no format"),
    N_("the numbers it makes must have at most 40 characters besides the subsidiary code"),
)
INCOME_KINDS = {"rent": N_("Rent"), "labour_services": N_("Labour services"), "other": N_("Other")}
#: Names of the codes the pages show (statuses, components, reconciliation actions), as msgids.
LABELS = {
    "draft": N_("Draft"),
    "in_approval": N_("In approval"),
    "approved": N_("Approved"),
    "issued": N_("Issued"),
    "open": N_("Open"),
    "disputed": N_("Disputed"),
    "confirmed": N_("Confirmed"),
    "volume_rate": N_("Volume fee"),
    "band_settlement": N_("Year-end settlement"),
    "profit_share": N_("Profit fee"),
    "income_share": N_("Other income fee"),
    "true_up": N_("True-up"),
    "adjustment": N_("Adjustment"),
    "fee": N_("Fee"),
    "customs_export": N_("Customs export"),
    "customs_import": N_("Customs import"),
    "reported_profit": N_("Reported profit"),
    "audited_profit": N_("Audited profit"),
    "income_rent": N_("Rent income"),
    "income_labour_services": N_("Labour services income"),
    "income_other": N_("Other income"),
}
GENERATE_FIELDS = ("org_unit_id", "year", "quarter", "settlement_rate")
PAYMENT_FIELDS = ("paid_on", "amount", "reference")
ADJUSTMENT_FIELDS = ("adjusts_line_id", "amount", "reason")
OPEN_FIELDS = ("org_unit_id", "year", "quarter")
CUSTOMS_FIELDS = ("org_unit_id", "declared_on", "direction", "amount", "reference")


async def _subsidiaries(ctx: Ctx, *, billed: bool = False) -> list[tuple[str, str]]:
    """The subsidiaries the person sees (``billed``: only those billed, for the forms that open a
    reconciliation or generate a statement)."""
    units = await visible_units(ctx)
    skipped = await payers.not_billed(ctx) if billed else {}
    statement = (
        select(OrgUnit.id, OrgUnit.name).where(OrgUnit.kind == OrgUnitKind.SUBSIDIARY).order_by(OrgUnit.code)
    )
    rows = (await ctx.session.execute(statement)).all()
    return [(str(i), name) for i, name in rows if (units is None or i in units) and i not in skipped]


class StatementExportFilters(FeeStatementFilters, kw_only=True):
    """The list's filters and the subsidiaries the person who asked sees (``None``: all), kept
    with the export: its background job runs as the system, whose view is the whole group."""

    visible_units: list[uuid.UUID] | None = None


@list_export_source(
    "fee-statements",
    module=__name__,
    spec=listing.STATEMENT_LIST,
    filters=StatementExportFilters,
    sheet=lambda: _("Fee statements"),
)
async def statement_export(
    ctx: Context, filters: StatementExportFilters, state: ListState
) -> AsyncIterator[list[dict[str, Any]]]:
    """The view's statements, 500 at a time, cells by column key; only those of the
    subsidiaries the person who asked sees."""
    visible = None if filters.visible_units is None else set(filters.visible_units)
    cursor: str | None = None
    while True:
        listed, _total = await listing.statement_list(
            ctx, filters, dataclasses.replace(state, cursor=cursor), limit=500
        )
        yield [
            {
                "number": s.number,
                "org_unit": s.org_unit_name,
                "period": f"{s.year}-Q{s.quarter}",
                "status": _(LABELS[s.status.value]),
                "total": s.total,
                "paid": s.paid,
                "outstanding": s.outstanding,
                "issued_on": s.issued_on,
                "due_on": s.due_on,
                "created_at": s.created_at,
            }
            for s in listed.items
            if visible is None or s.org_unit_id in visible
        ]
        if (cursor := listed.next_cursor) is None:
            return


class StatementPages(Controller):
    """Statements: the list with the generate form, and a statement's page."""

    path = "/fees/statements"
    include_in_schema = False
    guards = [signed_in]

    async def _list(
        self,
        ctx: Ctx,
        request: Request[Any, Any, Any],
        filters: FeeStatementFilters,
        form: Submission[Any] | None = None,
    ) -> Template:
        sent = query_as_sent(request) if form is None else {}
        state = list_state(listing.STATEMENT_LIST, sent)
        listed, total = await listing.statement_list(ctx, filters, state, limit=PAGE_SIZE, count=True)
        groups = await listing.statement_groups(ctx, filters, state)
        views, _next = await list_saved_views(ctx, listing.STATEMENT_LIST.key, limit=100, cursor=None)
        names = dict(await _subsidiaries(ctx))
        group_labels = {
            g.value: _(LABELS[g.value]) if g.value in LABELS else names.get(g.value, g.value) for g in groups
        }
        return page(
            request,
            "fees/statements/list.html",
            labels=LABELS,
            status_code=form.status_code if form else 200,
            items=listed.items,
            filters=filters,
            subsidiaries=await _subsidiaries(ctx, billed=True),
            group_view=await visible_units(ctx) is None,
            **form_context(form, values={"year": today(ctx).year}),
            currency=ctx.tenant.currency,
            **list_context(
                listing.STATEMENT_LIST,
                state,
                sent,
                listed,
                total=total,
                groups=groups,
                group_labels=group_labels,
                views=views,
            ),
        )

    @get(**filtered_by(statement_filters))
    async def statements(
        self, ctx: Ctx, request: Request[Any, Any, Any], filters: NamedDependency[FeeStatementFilters]
    ) -> Template:
        """The statements the person may see on the kernel list (search, filters, sortable columns,
        groups with subtotals, saved views, exports), and (HQ) the form to generate one."""
        return await self._list(ctx, request, filters)

    @route(
        "/export",
        http_method=[HttpMethod.GET, HttpMethod.POST],
        status_code=200,
        **filtered_by(statement_filters),
    )
    async def export(
        self, ctx: Ctx, request: Request[Any, Any, Any], filters: NamedDependency[FeeStatementFilters]
    ) -> Response[Any]:
        """Download the list's current view (columns, sort, filters) as CSV or XLSX; beyond the
        inline limit, written by a background job (of the subsidiaries this person sees)."""
        units = await visible_units(ctx)
        scoped = StatementExportFilters(
            **msgspec.structs.asdict(filters), visible_units=sorted(units) if units is not None else None
        )
        return await export_view(
            ctx,
            request,
            statement_export,
            list_export(listing.STATEMENT_LIST, query_as_sent(request), scoped),
        )

    @post(opt={"min_role": Role.MEMBER})
    async def generate(self, ctx: Ctx, request: Request[Any, Any, Any], data: Form) -> Response[Any]:
        """Generate a statement and open it."""

        async def again(form: Submission[FeeStatementGenerate]) -> Template:
            return await self._list(ctx, request, FeeStatementFilters(), form)

        return await run_form(
            read_form(data, FeeStatementGenerate, GENERATE_FIELDS),
            lambda body, _version: statements.generate(ctx, body),
            done=lambda made: redirect(
                f"/fees/statements/{made.statement.id}", notice="fees.statement.generated"
            ),
            again=again,
        )

    async def _detail(
        self,
        ctx: Ctx,
        request: Request[Any, Any, Any],
        statement_id: uuid.UUID,
        form: Submission[Any] | None = None,
    ) -> Template:
        found = await statements.get_statement(ctx, statement_id)
        return page(
            request,
            "fees/statements/detail.html",
            labels=LABELS,
            status_code=form.status_code if form else 200,
            detail=found,
            s=found.statement,
            group_view=await visible_units(ctx) is None,
            **form_context(form, values={"paid_on": today(ctx).isoformat()}),
            adjustable=await statements.adjustable_lines(ctx, found.statement.org_unit_id)
            if found.statement.status.value == "draft"
            else [],
        )

    @get("/{statement_id:uuid}")
    async def statement(
        self, ctx: Ctx, request: Request[Any, Any, Any], statement_id: FromPath[uuid.UUID]
    ) -> Template:
        """A statement: every line with its formula, inputs, rate and source records; payments."""
        return await self._detail(ctx, request, statement_id)

    @post("/{statement_id:uuid}/submit", opt={"min_role": Role.MEMBER})
    async def submit(self, ctx: Ctx, statement_id: FromPath[uuid.UUID], data: Form) -> Response[Any]:
        """Submit for approval."""
        return await run_action(
            lambda: statements.submit(ctx, statement_id, data.get("version")),
            back=f"/fees/statements/{statement_id}",
            notice="fees.statement.submitted",
        )

    @post("/{statement_id:uuid}/issue", opt={"min_role": Role.MEMBER})
    async def issue(self, ctx: Ctx, statement_id: FromPath[uuid.UUID], data: Form) -> Response[Any]:
        """Issue the approved statement."""
        return await run_action(
            lambda: statements.issue(ctx, statement_id, data.get("version")),
            back=f"/fees/statements/{statement_id}",
            notice="fees.statement.issued",
        )

    @post("/{statement_id:uuid}/delete", opt={"min_role": Role.MEMBER})
    async def delete(self, ctx: Ctx, statement_id: FromPath[uuid.UUID], data: Form) -> Response[Any]:
        """Delete the draft."""
        return await run_action(
            lambda: statements.delete_draft(ctx, statement_id, data.get("version")),
            back=f"/fees/statements/{statement_id}",
            done="/fees/statements",
            notice="fees.statement.deleted",
        )

    @post("/{statement_id:uuid}/adjustments", opt={"min_role": Role.MEMBER})
    async def adjust(
        self, ctx: Ctx, request: Request[Any, Any, Any], statement_id: FromPath[uuid.UUID], data: Form
    ) -> Response[Any]:
        """Add a correction of an issued line to this draft."""

        async def again(form: Submission[FeeAdjustmentCreate]) -> Template:
            return await self._detail(ctx, request, statement_id, form)

        return await run_form(
            read_form(data, FeeAdjustmentCreate, ADJUSTMENT_FIELDS),
            lambda body, version: statements.add_adjustment(ctx, statement_id, body, version),
            done=lambda _d: redirect(f"/fees/statements/{statement_id}", notice="fees.statement.adjusted"),
            again=again,
            back=f"/fees/statements/{statement_id}",
        )

    @post("/{statement_id:uuid}/payments", opt={"min_role": Role.MEMBER})
    async def pay(
        self, ctx: Ctx, request: Request[Any, Any, Any], statement_id: FromPath[uuid.UUID], data: Form
    ) -> Response[Any]:
        """Record a payment."""

        async def again(form: Submission[FeePaymentCreate]) -> Template:
            return await self._detail(ctx, request, statement_id, form)

        return await run_form(
            read_form(data, FeePaymentCreate, PAYMENT_FIELDS),
            lambda body, _version: statements.record_payment(ctx, statement_id, body),
            done=lambda _p: redirect(f"/fees/statements/{statement_id}", notice="fees.payment.recorded"),
            again=again,
            back=f"/fees/statements/{statement_id}",
        )


class ReconciliationPages(Controller):
    """Quarterly reconciliations (对账)."""

    path = "/fees/reconciliations"
    include_in_schema = False
    guards = [signed_in]

    async def _list(
        self, ctx: Ctx, request: Request[Any, Any, Any], form: Submission[Any] | None = None
    ) -> Template:
        items, next_cursor = await reconciliations.list_reconciliations(
            ctx, limit=PAGE_SIZE, cursor=request.query_params.get("cursor")
        )
        return page(
            request,
            "fees/reconciliations.html",
            labels=LABELS,
            status_code=form.status_code if form else 200,
            items=items,
            next_cursor=next_cursor,
            params={},
            subsidiaries=await _subsidiaries(ctx, billed=True),
            group_view=await visible_units(ctx) is None,
            **form_context(form, values={"year": today(ctx).year}),
        )

    @get()
    async def reconciliations(self, ctx: Ctx, request: Request[Any, Any, Any]) -> Template:
        """Reconciliations with their figures and who confirmed, and the form to open one."""
        return await self._list(ctx, request)

    @post(opt={"min_role": Role.MEMBER})
    async def open(self, ctx: Ctx, request: Request[Any, Any, Any], data: Form) -> Response[Any]:
        """Open a quarter's reconciliation."""

        async def again(form: Submission[FeeReconciliationOpen]) -> Template:
            return await self._list(ctx, request, form)

        return await run_form(
            read_form(data, FeeReconciliationOpen, OPEN_FIELDS),
            lambda body, _version: reconciliations.open_reconciliation(ctx, body),
            done=lambda _r: redirect("/fees/reconciliations", notice="fees.reconciliation.opened"),
            again=again,
        )

    @post("/{reconciliation_id:uuid}/{action:str}", opt={"min_role": Role.MEMBER})
    async def decide(
        self, ctx: Ctx, reconciliation_id: FromPath[uuid.UUID], action: FromPath[str], data: Form
    ) -> Response[Any]:
        """Confirm or dispute for one side."""
        side: Literal["hq", "subsidiary"] = "hq" if data.get("side") == "hq" else "subsidiary"
        body = FeeReconciliationDecision(side=side, comment=(data.get("comment") or "").strip() or None)
        service = reconciliations.dispute if action == "dispute" else reconciliations.confirm
        return await run_action(
            lambda: service(ctx, reconciliation_id, body, data.get("version")),
            back="/fees/reconciliations",
            notice=f"fees.reconciliation.{'disputed' if action == 'dispute' else 'confirmed'}",
            problems={403: "fees.reconciliation.wrong_side"},
        )


class CustomsPages(Controller):
    """Customs records."""

    path = "/fees/customs"
    include_in_schema = False
    guards = [signed_in]

    async def _list(
        self,
        ctx: Ctx,
        request: Request[Any, Any, Any],
        filters: FeeCustomsFilters,
        form: Submission[Any] | None = None,
    ) -> Template:
        items, next_cursor, total, count = await metrics.list_customs(
            ctx, filters, limit=PAGE_SIZE, cursor=request.query_params.get("cursor")
        )
        return page(
            request,
            "fees/customs.html",
            status_code=form.status_code if form else 200,
            items=items,
            next_cursor=next_cursor,
            total=total,
            count=count,
            filters=filters,
            params={k: v for k, v in (("year", filters.year), ("quarter", filters.quarter)) if v},
            subsidiaries=await _subsidiaries(ctx),
            **form_context(form),
        )

    @get(dependencies=CUSTOMS_FILTERS)
    async def customs(
        self, ctx: Ctx, request: Request[Any, Any, Any], filters: NamedDependency[FeeCustomsFilters]
    ) -> Template:
        """Customs records with the filtered total, and the form to add one."""
        return await self._list(ctx, request, filters)

    @post(opt={"min_role": Role.MEMBER})
    async def add(self, ctx: Ctx, request: Request[Any, Any, Any], data: Form) -> Response[Any]:
        """Record a customs total."""

        async def again(form: Submission[FeeCustomsRecordCreate]) -> Template:
            return await self._list(ctx, request, FeeCustomsFilters(), form)

        return await run_form(
            read_form(data, FeeCustomsRecordCreate, CUSTOMS_FIELDS),
            lambda body, _version: metrics.create_customs(ctx, body),
            done=lambda _r: redirect("/fees/customs", notice="fees.customs_record.created"),
            again=again,
        )


def _report_year(ctx: Context, request: Request[Any, Any, Any]) -> int:
    raw = request.query_params.get("year") or ""
    return int(raw) if raw.isdigit() and 2000 <= int(raw) <= 2100 else today(ctx).year


def _component_label(code: str) -> str:
    return _(LABELS[code]) if code in LABELS else code


def fee_rows(report: FeeReport) -> list[tuple[str, str, list[Decimal], Decimal]]:
    """The report's fees as (subsidiary, component, [Q1..Q4], year), by subsidiary and component."""
    table: dict[tuple[str, str], list[Decimal]] = {}
    for r in report.rows:
        quarters = table.setdefault((r.org_unit_name, r.component), [ZERO] * 4)
        quarters[r.quarter - 1] += r.amount
    return [
        (unit, component, quarters, sum(quarters, ZERO))
        for (unit, component), quarters in sorted(table.items(), key=lambda item: item[0])
    ]


def change(current: Decimal, last: Decimal) -> Decimal | None:
    """This year against last year as a fraction (0.25: 25% more), None without last year."""
    return None if not last else (current - last) / last


class ReportPages(Controller):
    """The yearly fee report, its exports and its chart."""

    path = "/fees/reports"
    include_in_schema = False
    guards = [signed_in]

    @get()
    async def report(self, ctx: Ctx, request: Request[Any, Any, Any]) -> Template:
        """Fees by subsidiary, component and quarter; collection and ageing; last year; the chart."""
        year = _report_year(ctx, request)
        report = await reports.fee_report(ctx, year)
        return page(
            request,
            "fees/report.html",
            labels=LABELS,
            report=report,
            year=year,
            fees=fee_rows(report),
            change=change,
        )

    @get("/chart.json")
    async def chart(self, ctx: Ctx, request: Request[Any, Any, Any]) -> dict[str, Any]:
        """The chart's data: each subsidiary's fees billed this year, collected, and billed last year."""
        year = _report_year(ctx, request)
        report = await reports.fee_report(ctx, year)
        return {
            "labels": [c.org_unit_name for c in report.collection],
            "billed": [float(c.billed) for c in report.collection],
            "collected": [float(c.collected) for c in report.collection],
            "last_year": [float(c.last_year_billed) for c in report.collection],
            "names": {
                "billed": _("Billed %(year)s", year=year),
                "collected": _("Collected"),
                "last_year": _("Billed %(year)s", year=year - 1),
            },
            "currency": report.currency,
        }

    @get("/export")
    async def export(self, ctx: Ctx, request: Request[Any, Any, Any]) -> Response[bytes]:
        """The report as CSV or XLSX: ``part=fees`` (by subsidiary and component, a column per
        quarter and the year) or ``part=collection`` (billed, collected, outstanding, ageing and
        the comparison with last year); money as numbers with their format."""
        year = _report_year(ctx, request)
        report = await reports.fee_report(ctx, year)
        fmt = request.query_params.get("format", "csv")
        if request.query_params.get("part") == "collection":
            buckets = [label for label, _first, _last in rules.AGEING_BUCKETS]
            return export_response(
                fmt,
                f"fee-collection-{year}",
                [
                    Column("subsidiary", _("Subsidiary")),
                    Column("billed", _("Billed"), "money"),
                    Column("collected", _("Collected"), "money"),
                    Column("outstanding", _("Outstanding"), "money"),
                    Column("last_year", _("Last year"), "money"),
                    Column("change", _("Change against last year"), "percent"),
                    *[
                        Column(
                            f"ageing_{b}",
                            _("Current") if b == "current" else _("Overdue %(days)s days", days=b),
                            "money",
                        )
                        for b in buckets
                    ],
                    Column("currency", _("Currency")),
                ],
                [
                    (
                        c.org_unit_name,
                        c.billed,
                        c.collected,
                        c.outstanding,
                        c.last_year_billed,
                        change(c.billed, c.last_year_billed),
                        *[c.ageing.get(b, ZERO) for b in buckets],
                        report.currency,
                    )
                    for c in report.collection
                ],
                sheet=_("Fee collection %(year)s", year=year),
            )
        return export_response(
            fmt,
            f"fees-{year}",
            [
                Column("subsidiary", _("Subsidiary")),
                Column("component", _("Component")),
                *[Column(f"q{q}", f"{year}-Q{q}", "money") for q in (1, 2, 3, 4)],
                Column("year", _("Year %(year)s", year=year), "money"),
                Column("currency", _("Currency")),
            ],
            [
                (unit, _component_label(component), *quarters, total, report.currency)
                for unit, component, quarters, total in fee_rows(report)
            ],
            sheet=_("Fees %(year)s", year=year),
        )


NAVIGATION = [
    NavItem(N_("Fee statements"), "/fees/statements", section=N_("Fee billing")),
    NavItem(N_("Reconciliation"), "/fees/reconciliations", section=N_("Fee billing")),
    NavItem(N_("Customs records"), "/fees/customs", section=N_("Fee billing")),
    NavItem(N_("Profit and other income"), "/fees/figures", section=N_("Fee billing")),
    NavItem(N_("Fee schedules"), "/fees/schedules", section=N_("Fee billing")),
    NavItem(N_("Fee payers"), "/fees/payers", section=N_("Fee billing")),
    NavItem(N_("Fee report"), "/fees/reports", section=N_("Fee billing")),
    NavItem(N_("Fee settings"), "/fees/settings", section=N_("Fee billing")),
]
NOTICES = {
    "fees.statement.generated": N_("Statement generated."),
    "fees.statement.submitted": N_("Statement submitted for approval."),
    "fees.statement.issued": N_("Statement issued."),
    "fees.statement.deleted": N_("Draft statement deleted."),
    "fees.payment.recorded": N_("Payment recorded."),
    "fees.statement.adjusted": N_("Adjustment line added."),
    "fees.reconciliation.opened": N_("Reconciliation opened."),
    "fees.reconciliation.confirmed": N_("Figures confirmed."),
    "fees.reconciliation.disputed": N_("Disagreement recorded."),
    "fees.reconciliation.wrong_side": N_(
        "Each side confirms for itself: HQ finance for HQ, the subsidiary's own staff for the subsidiary."
    ),
    "fees.customs_record.created": N_("Customs record added."),
    "fees.profit_figure.created": N_("Profit recorded."),
    "fees.profit_figure.audited": N_("Audited profit entered: the next statement carries the true-up."),
    "fees.income_entry.created": N_("Other income recorded."),
    **setup_pages.NOTICES,
}
LINK_TARGETS = [LinkTarget("fees_reconciliations", "/fees/reconciliations#r-{id}")]
#: The global search's fee statement hits (by number or subsidiary; subsidiary staff see their own).
SEARCH_PROVIDERS = [SearchProvider("fees.statements", N_("Fee statements"), listing.search_statements)]


PROFIT_FIELDS = ("org_unit_id", "year", "reported")
AUDIT_FIELDS = ("audited", "audited_on")
INCOME_FIELDS = ("org_unit_id", "year", "kind", "amount", "note")


class FigurePages(Controller):
    """Operating profit (reported, then audited) and other income, by subsidiary and year."""

    path = "/fees/figures"
    include_in_schema = False
    guards = [signed_in]

    async def _page(
        self, ctx: Ctx, request: Request[Any, Any, Any], form: Submission[Any] | None = None, which: str = ""
    ) -> Template:
        return page(
            request,
            "fees/figures.html",
            status_code=form.status_code if form else 200,
            profits=await metrics.list_profits(ctx),
            income=await metrics.list_income(ctx),
            subsidiaries=await _subsidiaries(ctx),
            group_view=await visible_units(ctx) is None,
            income_kinds=INCOME_KINDS,
            which=which,
            **form_context(form, values={"year": today(ctx).year - 1}),
        )

    @get()
    async def figures(self, ctx: Ctx, request: Request[Any, Any, Any]) -> Template:
        """Profit figures and other income, with the forms to add them and enter audited profits."""
        return await self._page(ctx, request)

    @post("/profits", opt={"min_role": Role.MEMBER})
    async def add_profit(self, ctx: Ctx, request: Request[Any, Any, Any], data: Form) -> Response[Any]:
        """Record a reported profit."""

        async def again(form: Submission[FeeProfitFigureCreate]) -> Template:
            return await self._page(ctx, request, form, "profit")

        return await run_form(
            read_form(data, FeeProfitFigureCreate, PROFIT_FIELDS),
            lambda body, _version: metrics.create_profit(ctx, body),
            done=lambda _r: redirect("/fees/figures", notice="fees.profit_figure.created"),
            again=again,
        )

    @post("/profits/{profit_figure_id:uuid}/audited", opt={"min_role": Role.MEMBER})
    async def audit(
        self, ctx: Ctx, request: Request[Any, Any, Any], profit_figure_id: FromPath[uuid.UUID], data: Form
    ) -> Response[Any]:
        """Enter the audited profit."""

        async def again(form: Submission[FeeProfitAudit]) -> Template:
            return await self._page(ctx, request, form, str(profit_figure_id))

        return await run_form(
            read_form(data, FeeProfitAudit, AUDIT_FIELDS),
            lambda body, version: metrics.audit_profit(ctx, profit_figure_id, body, version),
            done=lambda _r: redirect("/fees/figures", notice="fees.profit_figure.audited"),
            again=again,
            back="/fees/figures",
        )

    @post("/income", opt={"min_role": Role.MEMBER})
    async def add_income(self, ctx: Ctx, request: Request[Any, Any, Any], data: Form) -> Response[Any]:
        """Record other income."""

        async def again(form: Submission[FeeIncomeEntryCreate]) -> Template:
            return await self._page(ctx, request, form, "income")

        return await run_form(
            read_form(data, FeeIncomeEntryCreate, INCOME_FIELDS),
            lambda body, _version: metrics.create_income(ctx, body),
            done=lambda _r: redirect("/fees/figures", notice="fees.income_entry.created"),
            again=again,
        )


PAGES: list[type[Controller]] = [
    StatementPages,
    ReconciliationPages,
    CustomsPages,
    FigurePages,
    ReportPages,
    *setup_pages.PAGES,
]
