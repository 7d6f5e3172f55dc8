"""Fee billing API: thin controllers over the services (one operation id and one tag per route)."""

from __future__ import annotations

import uuid
from typing import Annotated

from litestar import Controller, delete, get, patch, post, put
from litestar.di import NamedDependency, Provide
from litestar.params import FromPath, FromQuery, JSONBody, QueryParameter

from bizsuite.core.context import tenant_guard
from bizsuite.core.dependencies import Ctx, IfMatch
from bizsuite.core.pagination import DEFAULT_LIMIT, CursorParam, LimitParam
from bizsuite.modules.fees.models import StatementStatus
from bizsuite.modules.fees.schemas import (
    FeeAdjustmentCreate,
    FeeCustomsFilters,
    FeeCustomsRecordCreate,
    FeeCustomsRecordPage,
    FeeCustomsRecordView,
    FeeIncomeEntryCreate,
    FeeIncomeEntryList,
    FeeIncomeEntryView,
    FeePayerList,
    FeePayerUpdate,
    FeePayerView,
    FeePaymentCreate,
    FeePaymentView,
    FeeProfitAudit,
    FeeProfitFigureCreate,
    FeeProfitFigureList,
    FeeProfitFigureView,
    FeeReconciliationDecision,
    FeeReconciliationOpen,
    FeeReconciliationPage,
    FeeReconciliationView,
    FeeReport,
    FeeScheduleCreate,
    FeeSchedulePage,
    FeeScheduleUpdate,
    FeeScheduleView,
    FeesSettingsUpdate,
    FeesSettingsView,
    FeeStatementDetail,
    FeeStatementFilters,
    FeeStatementGenerate,
    FeeStatementPage,
)
from bizsuite.modules.fees.services import (
    listing,
    metrics,
    payers,
    reconciliations,
    reports,
    schedules,
    settings,
    statements,
)
from bizsuite.web.lists import list_state

YearParam = Annotated[int | None, QueryParameter(ge=2000, le=2100, description="Fee year.")]
QuarterParam = Annotated[int | None, QueryParameter(ge=1, le=4, description="Quarter (1–4).")]
UnitParam = Annotated[uuid.UUID | None, QueryParameter(description="The subsidiary (org unit id).")]


def customs_filters(
    org_unit_id: UnitParam = None, year: YearParam = None, quarter: QuarterParam = None
) -> FeeCustomsFilters:
    """The customs list's filters: a subsidiary, a fee year and quarter (the cut-off applied)."""
    return FeeCustomsFilters(org_unit_id=org_unit_id, year=year, quarter=quarter if year else None)


def statement_filters(
    q: Annotated[
        str | None,
        QueryParameter(
            max_length=200, pattern=r"^[^\x00]*$", description="Text in the number or the subsidiary's name."
        ),
    ] = None,
    org_unit_id: UnitParam = None,
    year: YearParam = None,
    quarter: QuarterParam = None,
    status: FromQuery[StatementStatus | None] = None,
) -> FeeStatementFilters:
    """The statements list's filters (shared by the API and the pages)."""
    return FeeStatementFilters(
        q=q.strip() or None if q else None, org_unit_id=org_unit_id, year=year, quarter=quarter, status=status
    )


CUSTOMS_FILTERS = {"filters": Provide(customs_filters, sync_to_thread=False)}
STATEMENT_FILTERS = {"filters": Provide(statement_filters, sync_to_thread=False)}


class ScheduleController(Controller):
    """Fee schedules (收费标准), versioned by effective date."""

    path = "/api/v1/fees/schedules"
    tags = ["fees"]
    guards = [tenant_guard]

    @get(operation_id="list_fees_schedules", summary="List fee schedules")
    async def list_fees_schedules(
        self, ctx: Ctx, limit: LimitParam = DEFAULT_LIMIT, cursor: CursorParam = None
    ) -> FeeSchedulePage:
        """The tenant's schedules, newest first."""
        items, next_cursor = await schedules.list_schedules(ctx, limit=limit, cursor=cursor)
        return FeeSchedulePage(items=items, next_cursor=next_cursor)

    @post(operation_id="create_fees_schedule", summary="Create a fee schedule")
    async def create_fees_schedule(self, ctx: Ctx, data: JSONBody[FeeScheduleCreate]) -> FeeScheduleView:
        """A schedule in force from its effective date; 409 when one starts the same day."""
        return await schedules.create_schedule(ctx, data)

    @get("/{schedule_id:uuid}", operation_id="get_fees_schedule", summary="Get a fee schedule")
    async def get_fees_schedule(self, ctx: Ctx, schedule_id: FromPath[uuid.UUID]) -> FeeScheduleView:
        """One schedule with its components."""
        return await schedules.get_schedule(ctx, schedule_id)

    @put("/{schedule_id:uuid}", operation_id="replace_fees_schedule", summary="Edit a fee schedule version")
    async def replace_fees_schedule(
        self,
        ctx: Ctx,
        schedule_id: FromPath[uuid.UUID],
        data: JSONBody[FeeScheduleUpdate],
        if_match: IfMatch = None,
    ) -> FeeScheduleView:
        """Replace a version's fields and components while no statement was generated from it
        (409 ``schedule-in-use`` otherwise: add a new version from an effective date)."""
        return await schedules.update_schedule(ctx, schedule_id, data, if_match)


class PayerController(Controller):
    """Payers: every subsidiary is a wholly-owned payer unless the tenant says otherwise."""

    path = "/api/v1/fees/payers"
    tags = ["fees"]
    guards = [tenant_guard]

    @get(operation_id="list_fees_payers", summary="List subsidiaries as fee payers")
    async def list_fees_payers(self, ctx: Ctx) -> FeePayerList:
        """Every subsidiary with its payer flags and whether it is billed, by code."""
        return FeePayerList(items=await payers.list_payers(ctx))

    @get("/{org_unit_id:uuid}", operation_id="get_fees_payer", summary="Get a subsidiary as a fee payer")
    async def get_fees_payer(self, ctx: Ctx, org_unit_id: FromPath[uuid.UUID]) -> FeePayerView:
        """One subsidiary's payer flags (404 for an org unit that is not a subsidiary)."""
        return await payers.get_payer(ctx, org_unit_id)

    @put("/{org_unit_id:uuid}", operation_id="put_fees_payer", summary="Set how a subsidiary pays fees")
    async def put_fees_payer(
        self,
        ctx: Ctx,
        org_unit_id: FromPath[uuid.UUID],
        data: JSONBody[FeePayerUpdate],
        if_match: IfMatch = None,
    ) -> FeePayerView:
        """Not a payer (with ``excluded_reason``), or not wholly owned (billed only when
        ``included``); ``If-Match`` is the payer's version (0 while it has the defaults)."""
        return await payers.set_payer(ctx, org_unit_id, data, if_match)


class SettingsController(Controller):
    """The tenant's fee billing settings."""

    path = "/api/v1/fees/settings"
    tags = ["fees"]
    guards = [tenant_guard]

    @get(operation_id="get_fees_settings", summary="Get the fee settings")
    async def get_fees_settings(self, ctx: Ctx) -> FeesSettingsView:
        """The statement number pattern, with an example."""
        return await settings.get_settings(ctx)

    @patch(operation_id="update_fees_settings", summary="Change the fee settings")
    async def update_fees_settings(
        self, ctx: Ctx, data: JSONBody[FeesSettingsUpdate], if_match: IfMatch = None
    ) -> FeesSettingsView:
        """Change the statement number pattern (``If-Match``); statements keep their numbers."""
        return await settings.update_settings(ctx, data, if_match)


class CustomsController(Controller):
    """Customs import and export totals (USD) by subsidiary and date."""

    path = "/api/v1/fees/customs-records"
    tags = ["fees"]
    guards = [tenant_guard]

    @get(
        operation_id="list_fees_customs_records", summary="List customs records", dependencies=CUSTOMS_FILTERS
    )
    async def list_fees_customs_records(
        self,
        ctx: Ctx,
        filters: NamedDependency[FeeCustomsFilters],
        limit: LimitParam = DEFAULT_LIMIT,
        cursor: CursorParam = None,
    ) -> FeeCustomsRecordPage:
        """Customs records, newest date first, with the filtered total (USD) and count."""
        items, next_cursor, total, count = await metrics.list_customs(
            ctx, filters, limit=limit, cursor=cursor
        )
        return FeeCustomsRecordPage(items=items, next_cursor=next_cursor, total=total, count=count)

    @post(operation_id="create_fees_customs_record", summary="Record a customs total")
    async def create_fees_customs_record(
        self, ctx: Ctx, data: JSONBody[FeeCustomsRecordCreate]
    ) -> FeeCustomsRecordView:
        """Record a customs import or export total; its fee period follows the cut-off."""
        return await metrics.create_customs(ctx, data)

    @get("/{customs_record_id:uuid}", operation_id="get_fees_customs_record", summary="Get a customs record")
    async def get_fees_customs_record(
        self, ctx: Ctx, customs_record_id: FromPath[uuid.UUID]
    ) -> FeeCustomsRecordView:
        """One customs record."""
        return await metrics.get_customs(ctx, customs_record_id)

    @delete(
        "/{customs_record_id:uuid}",
        operation_id="delete_fees_customs_record",
        summary="Delete a customs record",
    )
    async def delete_fees_customs_record(self, ctx: Ctx, customs_record_id: FromPath[uuid.UUID]) -> None:
        """Delete a record entered by mistake (not once its period's statement is issued)."""
        await metrics.delete_customs(ctx, customs_record_id)


class ProfitController(Controller):
    """Annual operating profit: reported, then audited."""

    path = "/api/v1/fees/profit-figures"
    tags = ["fees"]
    guards = [tenant_guard]

    @get(operation_id="list_fees_profit_figures", summary="List profit figures")
    async def list_fees_profit_figures(self, ctx: Ctx, org_unit_id: UnitParam = None) -> FeeProfitFigureList:
        """Profit figures, latest year first."""
        return FeeProfitFigureList(items=await metrics.list_profits(ctx, org_unit_id))

    @post(operation_id="create_fees_profit_figure", summary="Record a reported profit")
    async def create_fees_profit_figure(
        self, ctx: Ctx, data: JSONBody[FeeProfitFigureCreate]
    ) -> FeeProfitFigureView:
        """A subsidiary's reported operating profit for a year."""
        return await metrics.create_profit(ctx, data)

    @get("/{profit_figure_id:uuid}", operation_id="get_fees_profit_figure", summary="Get a profit figure")
    async def get_fees_profit_figure(
        self, ctx: Ctx, profit_figure_id: FromPath[uuid.UUID]
    ) -> FeeProfitFigureView:
        """One profit figure."""
        return await metrics.get_profit(ctx, profit_figure_id)

    @put(
        "/{profit_figure_id:uuid}/audited",
        operation_id="put_fees_profit_figure_audited",
        summary="Enter the audited profit",
    )
    async def put_fees_profit_figure_audited(
        self,
        ctx: Ctx,
        profit_figure_id: FromPath[uuid.UUID],
        data: JSONBody[FeeProfitAudit],
        if_match: IfMatch = None,
    ) -> FeeProfitFigureView:
        """The audited figure; the next statement generated carries the true-up line."""
        return await metrics.audit_profit(ctx, profit_figure_id, data, if_match)


class IncomeController(Controller):
    """Other income (rent, labour services...) by subsidiary and year."""

    path = "/api/v1/fees/income-entries"
    tags = ["fees"]
    guards = [tenant_guard]

    @get(operation_id="list_fees_income_entries", summary="List other income")
    async def list_fees_income_entries(self, ctx: Ctx, org_unit_id: UnitParam = None) -> FeeIncomeEntryList:
        """Other-income entries, latest year first."""
        return FeeIncomeEntryList(items=await metrics.list_income(ctx, org_unit_id))

    @post(operation_id="create_fees_income_entry", summary="Record other income")
    async def create_fees_income_entry(
        self, ctx: Ctx, data: JSONBody[FeeIncomeEntryCreate]
    ) -> FeeIncomeEntryView:
        """Other income of a subsidiary in a year."""
        return await metrics.create_income(ctx, data)


class ReconciliationController(Controller):
    """Quarterly reconciliation (对账): both sides confirm before a statement is generated."""

    path = "/api/v1/fees/reconciliations"
    tags = ["fees"]
    guards = [tenant_guard]

    @get(operation_id="list_fees_reconciliations", summary="List reconciliations")
    async def list_fees_reconciliations(
        self,
        ctx: Ctx,
        org_unit_id: UnitParam = None,
        year: YearParam = None,
        quarter: QuarterParam = None,
        limit: LimitParam = DEFAULT_LIMIT,
        cursor: CursorParam = None,
    ) -> FeeReconciliationPage:
        """Reconciliations, newest first."""
        items, next_cursor = await reconciliations.list_reconciliations(
            ctx, org_unit_id=org_unit_id, year=year, quarter=quarter, limit=limit, cursor=cursor
        )
        return FeeReconciliationPage(items=items, next_cursor=next_cursor)

    @post(operation_id="create_fees_reconciliation", summary="Open a quarter's reconciliation")
    async def create_fees_reconciliation(
        self, ctx: Ctx, data: JSONBody[FeeReconciliationOpen]
    ) -> FeeReconciliationView:
        """Open a subsidiary's quarter with its figures; 409 when already open."""
        return await reconciliations.open_reconciliation(ctx, data)

    @get("/{reconciliation_id:uuid}", operation_id="get_fees_reconciliation", summary="Get a reconciliation")
    async def get_fees_reconciliation(
        self, ctx: Ctx, reconciliation_id: FromPath[uuid.UUID]
    ) -> FeeReconciliationView:
        """One reconciliation with its history."""
        return await reconciliations.get_reconciliation(ctx, reconciliation_id)

    @post(
        "/{reconciliation_id:uuid}/confirm",
        operation_id="confirm_fees_reconciliation",
        summary="Confirm the figures",
        status_code=200,
    )
    async def confirm_fees_reconciliation(
        self,
        ctx: Ctx,
        reconciliation_id: FromPath[uuid.UUID],
        data: JSONBody[FeeReconciliationDecision],
        if_match: IfMatch = None,
    ) -> FeeReconciliationView:
        """One side (``hq`` or ``subsidiary``) confirms the figures as they stand."""
        return await reconciliations.confirm(ctx, reconciliation_id, data, if_match)

    @post(
        "/{reconciliation_id:uuid}/dispute",
        operation_id="reject_fees_reconciliation",
        summary="Dispute the figures",
        status_code=200,
    )
    async def reject_fees_reconciliation(
        self,
        ctx: Ctx,
        reconciliation_id: FromPath[uuid.UUID],
        data: JSONBody[FeeReconciliationDecision],
        if_match: IfMatch = None,
    ) -> FeeReconciliationView:
        """One side disagrees, with a comment; both confirmations are cleared."""
        return await reconciliations.dispute(ctx, reconciliation_id, data, if_match)


class StatementController(Controller):
    """Fee statements: generated, approved, issued (then immutable), paid."""

    path = "/api/v1/fees/statements"
    tags = ["fees"]
    guards = [tenant_guard]

    @get(operation_id="list_fees_statements", summary="List statements", dependencies=STATEMENT_FILTERS)
    async def list_fees_statements(
        self,
        ctx: Ctx,
        filters: NamedDependency[FeeStatementFilters],
        limit: LimitParam = DEFAULT_LIMIT,
        cursor: CursorParam = None,
        before: Annotated[
            str | None,
            QueryParameter(
                max_length=200,
                description="Opaque cursor from a page's `previous_cursor`: the page before it.",
            ),
        ] = None,
        sort: Annotated[
            str | None,
            QueryParameter(
                max_length=50,
                description="Sort column (``number``, ``org_unit``, ``period``, ``total``, ``paid``, ``outstanding``, "
                "``created_at``); ``-`` first for descending. Default ``-created_at``; ties go by id.",
            ),
        ] = None,
        count: Annotated[
            bool, QueryParameter(description="Also count the statements the filters leave (``total``).")
        ] = False,
    ) -> FeeStatementPage:
        """Statements the caller may see (subsidiary staff: their own), newest first or by ``sort``."""
        query = {"sort": sort, "cursor": cursor, "before": before}
        state = list_state(listing.STATEMENT_LIST, {k: v for k, v in query.items() if v}, strict=True)
        page, total = await listing.statement_list(ctx, filters, state, limit=limit, count=count)
        return FeeStatementPage(
            items=page.items, next_cursor=page.next_cursor, previous_cursor=page.previous_cursor, total=total
        )

    @post(operation_id="create_fees_statement", summary="Generate a statement")
    async def create_fees_statement(
        self, ctx: Ctx, data: JSONBody[FeeStatementGenerate]
    ) -> FeeStatementDetail:
        """Generate a quarter's draft statement (409 until both sides confirmed the figures)."""
        return await statements.generate(ctx, data)

    @get("/{statement_id:uuid}", operation_id="get_fees_statement", summary="Get a statement")
    async def get_fees_statement(self, ctx: Ctx, statement_id: FromPath[uuid.UUID]) -> FeeStatementDetail:
        """A statement with every line's formula, inputs, rate and sources, and its payments."""
        return await statements.get_statement(ctx, statement_id)

    @delete("/{statement_id:uuid}", operation_id="delete_fees_statement", summary="Delete a draft statement")
    async def delete_fees_statement(
        self, ctx: Ctx, statement_id: FromPath[uuid.UUID], if_match: IfMatch = None
    ) -> None:
        """Delete a draft (to generate it again)."""
        await statements.delete_draft(ctx, statement_id, if_match)

    @post(
        "/{statement_id:uuid}/submit",
        operation_id="submit_fees_statement",
        summary="Submit for approval",
        status_code=200,
    )
    async def submit_fees_statement(
        self, ctx: Ctx, statement_id: FromPath[uuid.UUID], if_match: IfMatch = None
    ) -> FeeStatementDetail:
        """Submit a draft to the approval engine."""
        return await statements.submit(ctx, statement_id, if_match)

    @post(
        "/{statement_id:uuid}/issue",
        operation_id="mark_fees_statement_issued",
        summary="Issue",
        status_code=200,
    )
    async def mark_fees_statement_issued(
        self, ctx: Ctx, statement_id: FromPath[uuid.UUID], if_match: IfMatch = None
    ) -> FeeStatementDetail:
        """Issue an approved statement; from then on it never changes."""
        return await statements.issue(ctx, statement_id, if_match)

    @post(
        "/{statement_id:uuid}/adjustments",
        operation_id="create_fees_statement_adjustment",
        summary="Add an adjustment line",
    )
    async def create_fees_statement_adjustment(
        self,
        ctx: Ctx,
        statement_id: FromPath[uuid.UUID],
        data: JSONBody[FeeAdjustmentCreate],
        if_match: IfMatch = None,
    ) -> FeeStatementDetail:
        """Correct an issued line with a line on this draft that references it."""
        return await statements.add_adjustment(ctx, statement_id, data, if_match)

    @post(
        "/{statement_id:uuid}/payments",
        operation_id="create_fees_statement_payment",
        summary="Record a payment",
    )
    async def create_fees_statement_payment(
        self, ctx: Ctx, statement_id: FromPath[uuid.UUID], data: JSONBody[FeePaymentCreate]
    ) -> FeePaymentView:
        """A payment against an issued statement (at most what is outstanding)."""
        return await statements.record_payment(ctx, statement_id, data)


class ReportController(Controller):
    """Fee reports."""

    path = "/api/v1/fees/reports"
    tags = ["fees"]
    guards = [tenant_guard]

    @get("/fees", operation_id="get_fees_report", summary="Fees by subsidiary, component and quarter")
    async def get_fees_report(
        self, ctx: Ctx, year: Annotated[int, QueryParameter(ge=2000, le=2100, description="Fee year.")]
    ) -> FeeReport:
        """A year's fees by subsidiary × component × quarter, collection and ageing, last year's total."""
        return await reports.fee_report(ctx, year)


CONTROLLERS: list[type[Controller]] = [
    ScheduleController,
    PayerController,
    SettingsController,
    CustomsController,
    ProfitController,
    IncomeController,
    ReconciliationController,
    StatementController,
    ReportController,
]
