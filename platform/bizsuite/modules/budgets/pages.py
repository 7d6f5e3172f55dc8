"""Budgets pages: plans with the forms to start one and enter forecast sales, a plan's page
(lines with how each was computed and what is used, compile by ratio, submit, adjust, versions),
a line's page (history, expenses, filing an expense, the overrun explanation), expenses, an
expense's page (its budget check, paying it), categories, and the budget-vs-actual analysis
with drill-down and export."""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import AsyncIterator
from typing import Any

from litestar import Controller, HttpMethod, Request, Response, get, post, route
from litestar.di import NamedDependency
from litestar.params import FromPath
from litestar.response import Template
from multipart import MultipartSegment  # type: ignore[import-untyped]
from sqlalchemy import select

from bizsuite.core.context import Context
from bizsuite.core.dependencies import Ctx
from bizsuite.core.files import services as files
from bizsuite.core.files.api import provide_storage
from bizsuite.core.files.models import StoredFile
from bizsuite.core.identity.models import Role
from bizsuite.core.org_units.models import OrgUnit
from bizsuite.core.views.services import list_saved_views
from bizsuite.kit import LinkTarget, NavItem
from bizsuite.modules.budgets import rules, services
from bizsuite.modules.budgets.api import expense_filters, plan_filters
from bizsuite.modules.budgets.models import (
    AdjustmentKind,
    AdjustmentStatus,
    CheckScope,
    ControlMode,
    ExpenseKind,
    ExpenseStatus,
    Granularity,
    LineMethod,
    PlanStatus,
)
from bizsuite.modules.budgets.schemas import (
    BudgetAdjustmentCreate,
    BudgetCategoryCreate,
    BudgetCategoryUpdate,
    BudgetCompile,
    BudgetExpenseCreate,
    BudgetExpenseFilters,
    BudgetExpensePay,
    BudgetExplanation,
    BudgetForecastSet,
    BudgetLineCreate,
    BudgetPlanCreate,
    BudgetPlanFilters,
)
from bizsuite.web.exports import Column, export_response, export_view
from bizsuite.web.forms import FormErrors, Submission, read_form, saved_values
from bizsuite.web.i18n import N_
from bizsuite.web.i18n import gettext as _
from bizsuite.web.lists import (
    GroupTotal,
    ListState,
    list_context,
    list_export,
    list_export_source,
    list_state,
)
from bizsuite.web.pages import Form
from bizsuite.web.support import (
    filtered_by,
    query_as_sent,
    redirect,
    run_action,
    run_form,
    savepoint,
    signed_in,
)
from bizsuite.web.templating import page
from bizsuite.web.uploads import UploadRefused, receive_upload, upload_policy

PAGE_SIZE = 50
#: The files document type of an expense's receipts (its record type: budgets users may read them).
RECEIPTS = "budgets_expenses"
SECTION = N_("Budgets")

PLAN_FIELDS = ("title", "fiscal_year", "org_unit_id", "granularity", "notes")
FORECAST_FIELDS = ("org_unit_id", "period", "amount")
LINE_FIELDS = ("category_id", "period", "method", "amount", "base", "percent")
EXPENSE_FIELDS = ("kind", "line_id", "title", "amount", "advance_id", "spent_on", "notes")
ADJUSTMENT_FIELDS = ("kind", "from_line_id", "to_line_id", "amount", "reason")
CATEGORY_FIELDS = ("code", "name", "parent_id", "ratio", "control_mode", "check_scope", "approval_category")
#: What the categories page changes on a category in place (its row's form).
CONTROL_FIELDS = ("control_mode", "check_scope")

PLAN_STATUS_LABELS = {
    PlanStatus.DRAFT: N_("Draft"),
    PlanStatus.IN_APPROVAL: N_("In approval"),
    PlanStatus.APPROVED: N_("Approved"),
}
GRANULARITY_LABELS = {
    Granularity.MONTH: N_("By month"),
    Granularity.QUARTER: N_("By quarter"),
    Granularity.YEAR: N_("By year"),
}
METHOD_LABELS = {
    LineMethod.FIXED: N_("Fixed amount"),
    LineMethod.INCREMENTAL: N_("Incremental on last year's actual"),
    LineMethod.RATIO: N_("Ratio of forecast sales"),
}
MODE_LABELS = {
    ControlMode.HARD: N_("Hard: blocked beyond the budget"),
    ControlMode.SOFT: N_("Soft: special approval beyond the budget"),
    ControlMode.WARN: N_("Warn: recorded with a warning"),
    ControlMode.OFF: N_("Off: recorded only"),
}
SCOPE_LABELS = {
    CheckScope.PERIOD: N_("Per period"),
    CheckScope.CUMULATIVE: N_("Cumulative (year to date)"),
    CheckScope.BOTH: N_("Per period and cumulative"),
}
KIND_LABELS = {
    ExpenseKind.REQUEST: N_("Expense request"),
    ExpenseKind.ADVANCE: N_("Advance"),
    ExpenseKind.REIMBURSEMENT: N_("Reimbursement"),
}
EXPENSE_STATUS_LABELS = {
    ExpenseStatus.IN_APPROVAL: N_("In approval"),
    ExpenseStatus.APPROVED: N_("Approved (committed)"),
    ExpenseStatus.PAID: N_("Paid out"),
    ExpenseStatus.SETTLED: N_("Settled by a reimbursement"),
    ExpenseStatus.RETURNED: N_("Returned"),
}
OUTCOME_LABELS = {
    "within": N_("Within budget"),
    "refuse": N_("Refused: over budget"),
    "special_approval": N_("Over budget: special approval"),
    "warn": N_("Over budget: warning recorded"),
    "off": N_("Not checked (control off)"),
}
ADJUSTMENT_KIND_LABELS = {
    AdjustmentKind.TRANSFER: N_("Transfer between lines"),
    AdjustmentKind.INCREASE: N_("Increase"),
}
ADJUSTMENT_STATUS_LABELS = {
    AdjustmentStatus.IN_APPROVAL: N_("In approval"),
    AdjustmentStatus.APPLIED: N_("Applied"),
    AdjustmentStatus.RETURNED: N_("Returned"),
}
GROUP_LABELS = {
    "org_unit": N_("Cost centre"),
    "category": N_("Category"),
    "period": N_("Period"),
    "quarter": N_("Quarter"),
}


def _labels() -> dict[str, Any]:
    return {
        "plan_status_labels": PLAN_STATUS_LABELS,
        "granularity_labels": GRANULARITY_LABELS,
        "method_labels": METHOD_LABELS,
        "mode_labels": MODE_LABELS,
        "scope_labels": SCOPE_LABELS,
        "kind_labels": KIND_LABELS,
        "expense_status_labels": EXPENSE_STATUS_LABELS,
        "outcome_labels": OUTCOME_LABELS,
        "adjustment_kind_labels": ADJUSTMENT_KIND_LABELS,
        "adjustment_status_labels": ADJUSTMENT_STATUS_LABELS,
        "analysis_groups": GROUP_LABELS,
    }


def _form(form: Submission[Any] | None, which: str | None, name: str) -> dict[str, Any]:
    """Errors and values for the form ``name`` (only the one submitted, ``which``, shows them)."""
    mine = form is not None and name == which
    return {
        "errors": form.errors if form is not None and mine else FormErrors(),
        "values": form.values if form is not None and mine else {},
    }


def _expense_group_labels(state: ListState, groups: list[GroupTotal], items: list[Any]) -> dict[str, str]:
    """Each group's name in the reader's language: a kind or status label, a line's name."""
    if state.group == "kind":
        return {g.value: _(KIND_LABELS[ExpenseKind(g.value)]) for g in groups if g.value}
    if state.group == "status":
        return {g.value: _(EXPENSE_STATUS_LABELS[ExpenseStatus(g.value)]) for g in groups if g.value}
    return {str(e.line_id): f"{e.category_name} {e.period}" for e in items}


async def _org_units(ctx: Context) -> list[tuple[str, str]]:
    rows = await ctx.session.execute(select(OrgUnit.id, OrgUnit.name).order_by(OrgUnit.code).limit(500))
    return [(str(i), n) for i, n in rows]


@list_export_source(
    "budget-plans",
    module=__name__,
    spec=services.PLAN_LIST,
    filters=BudgetPlanFilters,
    sheet=lambda: _("Budget plans"),
)
async def plan_export(
    ctx: Context, filters: BudgetPlanFilters, state: ListState
) -> AsyncIterator[list[dict[str, Any]]]:
    """The plans list's view, 500 plans at a time, cells by column key."""
    cursor: str | None = None
    while True:
        listed, _total = await services.plan_list(
            ctx, filters, dataclasses.replace(state, cursor=cursor), limit=500
        )
        yield [
            {
                "title": p.title,
                "org_unit": p.org_unit_name,
                "fiscal_year": p.fiscal_year,
                "granularity": _(GRANULARITY_LABELS[p.granularity]),
                "status": _(PLAN_STATUS_LABELS[p.status]),
                "revision": p.revision,
                "total": p.total,
                "created_at": p.created_at,
            }
            for p in listed.items
        ]
        if (cursor := listed.next_cursor) is None:
            return


@list_export_source(
    "expenses",
    module=__name__,
    spec=services.EXPENSE_LIST,
    filters=BudgetExpenseFilters,
    sheet=lambda: _("Expenses"),
)
async def expense_export(
    ctx: Context, filters: BudgetExpenseFilters, state: ListState
) -> AsyncIterator[list[dict[str, Any]]]:
    """The expenses list's view, 500 expenses at a time, cells by column key."""
    cursor: str | None = None
    while True:
        listed, _total = await services.expense_list(
            ctx, filters, dataclasses.replace(state, cursor=cursor), limit=500
        )
        yield [
            {
                "title": e.title,
                "kind": _(KIND_LABELS[e.kind]),
                "line": f"{e.category_name} {e.period}",
                "status": _(EXPENSE_STATUS_LABELS[e.status]),
                "amount": e.amount,
                "actual": e.actual,
                "spent_on": e.spent_on,
                "created_at": e.created_at,
            }
            for e in listed.items
        ]
        if (cursor := listed.next_cursor) is None:
            return


class BudgetPages(Controller):
    """Plans, lines, expenses, categories and the analysis."""

    path = "/budgets"
    include_in_schema = False
    guards = [signed_in]

    # --- plans ------------------------------------------------------------------------------

    async def _plans(
        self,
        ctx: Ctx,
        request: Request[Any, Any, Any],
        filters: BudgetPlanFilters,
        form: Submission[Any] | None = None,
        which: str | None = None,
    ) -> Template:
        sent = query_as_sent(request)
        state = list_state(services.PLAN_LIST, sent)
        listed, total = await services.plan_list(ctx, filters, state, limit=PAGE_SIZE, count=True)
        groups = await services.plan_groups(ctx, filters, state)
        views, _next = await list_saved_views(ctx, services.PLAN_LIST.key, limit=100, cursor=None)
        units = await _org_units(ctx)
        unit_names = dict(units)
        labels = {
            "status": {s.value: _(label) for s, label in PLAN_STATUS_LABELS.items()},
            "granularity": {g.value: _(label) for g, label in GRANULARITY_LABELS.items()},
            "org_unit": unit_names,
        }.get(state.group or "", {})
        return page(
            request,
            "budgets/plans.html",
            status_code=form.status_code if form else 200,
            items=listed.items,
            filters=filters,
            org_units=units,
            year=services.today(ctx).year,
            plan_form=_form(form, which, "plan"),
            forecast_form=_form(form, which, "forecast"),
            currency=ctx.tenant.currency,
            **list_context(
                services.PLAN_LIST,
                state,
                sent,
                listed,
                total=total,
                groups=groups,
                group_labels={g.value: labels.get(g.value, g.value) for g in groups},
                views=views,
            ),
            **_labels(),
        )

    @get(**filtered_by(plan_filters))
    async def plans(
        self, ctx: Ctx, request: Request[Any, Any, Any], filters: NamedDependency[BudgetPlanFilters]
    ) -> Template:
        """The plans list (search, sort, groups, saved views, export), with the forms to start a
        plan and to enter forecast sales."""
        return await self._plans(ctx, request, filters)

    @route(
        "/plans/export",
        http_method=[HttpMethod.GET, HttpMethod.POST],
        status_code=200,
        **filtered_by(plan_filters),
    )
    async def export_plans(
        self, ctx: Ctx, request: Request[Any, Any, Any], filters: NamedDependency[BudgetPlanFilters]
    ) -> Response[Any]:
        """Download the plans list's current view as CSV or XLSX (a background job beyond the
        inline limit)."""
        return await export_view(
            ctx, request, plan_export, list_export(services.PLAN_LIST, query_as_sent(request), filters)
        )

    @post("/plans", opt={"min_role": Role.MEMBER})
    async def create_plan(self, ctx: Ctx, request: Request[Any, Any, Any], data: Form) -> Response[Any]:
        """Start a draft plan and open it."""

        async def again(form: Submission[BudgetPlanCreate]) -> Template:
            return await self._plans(ctx, request, BudgetPlanFilters(), form, "plan")

        return await run_form(
            read_form(data, BudgetPlanCreate, PLAN_FIELDS),
            lambda body, _v: services.create_plan(ctx, body),
            done=lambda plan: redirect(f"/budgets/plans/{plan.id}", notice="budgets.plan.created"),
            again=again,
        )

    @post("/forecasts", opt={"min_role": Role.MEMBER})
    async def set_forecast(self, ctx: Ctx, request: Request[Any, Any, Any], data: Form) -> Response[Any]:
        """Enter forecast sales of a cost centre for a period."""

        async def again(form: Submission[BudgetForecastSet]) -> Template:
            return await self._plans(ctx, request, BudgetPlanFilters(), form, "forecast")

        return await run_form(
            read_form(data, BudgetForecastSet, FORECAST_FIELDS),
            lambda body, _v: services.set_forecast(ctx, body),
            done=lambda _f: redirect("/budgets", notice="budgets.forecast.saved"),
            again=again,
        )

    async def _plan(
        self,
        ctx: Ctx,
        request: Request[Any, Any, Any],
        plan_id: uuid.UUID,
        form: Submission[Any] | None = None,
        which: str | None = None,
    ) -> Template:
        detail = await services.get_plan(ctx, plan_id)
        categories = await services.list_categories(ctx)
        adjustments = await services.list_adjustments(ctx, plan_id, limit=100, cursor=None)
        return page(
            request,
            "budgets/plan.html",
            status_code=form.status_code if form else 200,
            detail=detail,
            plan=detail.plan,
            categories=[(str(c.id), "\u00a0\u00a0" * c.depth + f"{c.code} {c.name}") for c in categories],
            period_choices=[(p, p) for p in rules.periods(detail.plan.granularity, detail.plan.fiscal_year)],
            methods=LineMethod,
            adjustment_kinds=AdjustmentKind,
            line_choices=[
                (str(line.id), f"{line.category_code} {line.category_name} {line.period}")
                for line in detail.lines
            ],
            adjustments=adjustments.items,
            line_form=_form(form, which, "line"),
            adjustment_form=_form(form, which, "adjustment"),
            currency=ctx.tenant.currency,
            **_labels(),
        )

    @get("/plans/{plan_id:uuid}")
    async def plan(self, ctx: Ctx, request: Request[Any, Any, Any], plan_id: FromPath[uuid.UUID]) -> Template:
        """A plan: its lines with how each was computed and what is used, versions, adjustments."""
        return await self._plan(ctx, request, plan_id)

    @post("/plans/{plan_id:uuid}/lines", opt={"min_role": Role.MEMBER})
    async def add_line(
        self, ctx: Ctx, request: Request[Any, Any, Any], plan_id: FromPath[uuid.UUID], data: Form
    ) -> Response[Any]:
        """Add or recompute a line of a draft plan."""

        async def again(form: Submission[BudgetLineCreate]) -> Template:
            return await self._plan(ctx, request, plan_id, form, "line")

        return await run_form(
            read_form(data, BudgetLineCreate, LINE_FIELDS),
            lambda body, _v: services.add_line(ctx, plan_id, body),
            done=lambda _l: redirect(f"/budgets/plans/{plan_id}", notice="budgets.line.saved"),
            again=again,
        )

    @post("/plans/{plan_id:uuid}/compile", opt={"min_role": Role.MEMBER})
    async def compile(self, ctx: Ctx, plan_id: FromPath[uuid.UUID], data: Form) -> Response[Any]:
        """Compile ratio lines from the cost centre's forecast sales."""
        return await run_action(
            lambda: services.compile_plan(ctx, plan_id, BudgetCompile()),
            back=f"/budgets/plans/{plan_id}",
            notice="budgets.plan.compiled",
        )

    @post("/plans/{plan_id:uuid}/submit", opt={"min_role": Role.MEMBER})
    async def submit(self, ctx: Ctx, plan_id: FromPath[uuid.UUID], data: Form) -> Response[Any]:
        """Send the plan to approval."""
        return await run_action(
            lambda: services.submit_plan(ctx, plan_id, data.get("version")),
            back=f"/budgets/plans/{plan_id}",
            notice="budgets.plan.submitted",
        )

    @post("/plans/{plan_id:uuid}/adjustments", opt={"min_role": Role.MEMBER})
    async def adjust(
        self, ctx: Ctx, request: Request[Any, Any, Any], plan_id: FromPath[uuid.UUID], data: Form
    ) -> Response[Any]:
        """File a transfer or an increase of the plan."""

        async def again(form: Submission[BudgetAdjustmentCreate]) -> Template:
            return await self._plan(ctx, request, plan_id, form, "adjustment")

        await services.get_plan(ctx, plan_id)
        return await run_form(
            read_form(data, BudgetAdjustmentCreate, ADJUSTMENT_FIELDS),
            lambda body, _v: services.create_adjustment(ctx, body),
            done=lambda _a: redirect(f"/budgets/plans/{plan_id}", notice="budgets.adjustment.filed"),
            again=again,
        )

    # --- lines and expenses -----------------------------------------------------------------

    async def _line(
        self,
        ctx: Ctx,
        request: Request[Any, Any, Any],
        line_id: uuid.UUID,
        form: Submission[Any] | None = None,
        which: str | None = None,
    ) -> Template:
        detail = await services.line_detail(ctx, line_id)
        advances = [
            (str(e.id), f"{e.title} ({e.amount})")
            for e in detail.expenses
            if e.kind is ExpenseKind.ADVANCE and e.status is ExpenseStatus.PAID
        ]
        return page(
            request,
            "budgets/line.html",
            status_code=form.status_code if form else 200,
            detail=detail,
            line=detail.line,
            plan=detail.plan,
            advances=advances,
            kinds=ExpenseKind,
            expense_form=_form(form, which, "expense"),
            explanation_form=_form(form, which, "explanation"),
            currency=ctx.tenant.currency,
            **_labels(),
        )

    @get("/lines/{line_id:uuid}")
    async def line(self, ctx: Ctx, request: Request[Any, Any, Any], line_id: FromPath[uuid.UUID]) -> Template:
        """A line: its figures, history and expenses, and the forms to file an expense."""
        return await self._line(ctx, request, line_id)

    @post("/lines/{line_id:uuid}/expenses", opt={"min_role": Role.MEMBER})
    async def file_expense(
        self, ctx: Ctx, request: Request[Any, Any, Any], line_id: FromPath[uuid.UUID], data: Form
    ) -> Response[Any]:
        """File an expense request, advance or reimbursement against the line."""

        async def again(form: Submission[BudgetExpenseCreate]) -> Template:
            return await self._line(ctx, request, line_id, form, "expense")

        await services.line_detail(ctx, line_id)
        return await run_form(
            read_form({**data, "line_id": str(line_id)}, BudgetExpenseCreate, EXPENSE_FIELDS),
            lambda body, _v: services.create_expense(ctx, body),
            done=lambda e: redirect(f"/budgets/expenses/{e.id}", notice="budgets.expense.filed"),
            again=again,
        )

    @post("/lines/{line_id:uuid}/explanation", opt={"min_role": Role.MEMBER})
    async def explain(
        self, ctx: Ctx, request: Request[Any, Any, Any], line_id: FromPath[uuid.UUID], data: Form
    ) -> Response[Any]:
        """Give the written explanation of the line's overrun."""

        async def again(form: Submission[BudgetExplanation]) -> Template:
            return await self._line(ctx, request, line_id, form, "explanation")

        return await run_form(
            read_form(data, BudgetExplanation, ("explanation",)),
            lambda body, _v: services.explain_line(ctx, line_id, body),
            done=lambda _l: redirect(f"/budgets/lines/{line_id}", notice="budgets.line.explained"),
            again=again,
        )

    @get("/expenses", **filtered_by(expense_filters))
    async def expenses(
        self, ctx: Ctx, request: Request[Any, Any, Any], filters: NamedDependency[BudgetExpenseFilters]
    ) -> Template:
        """The expenses list: search, filters, sortable columns, count and page range, chosen
        columns, groups with amount subtotals, saved views and the export of the view."""
        sent = query_as_sent(request)
        state = list_state(services.EXPENSE_LIST, sent)
        listed, total = await services.expense_list(ctx, filters, state, limit=PAGE_SIZE, count=True)
        groups = await services.expense_groups(ctx, filters, state)
        views, _next = await list_saved_views(ctx, services.EXPENSE_LIST.key, limit=100, cursor=None)
        return page(
            request,
            "budgets/expenses.html",
            items=listed.items,
            filters=filters,
            currency=ctx.tenant.currency,
            **list_context(
                services.EXPENSE_LIST,
                state,
                sent,
                listed,
                total=total,
                groups=groups,
                group_labels=_expense_group_labels(state, groups, listed.items),
                views=views,
            ),
            **_labels(),
        )

    @route(
        "/expenses/export",
        http_method=[HttpMethod.GET, HttpMethod.POST],
        status_code=200,
        **filtered_by(expense_filters),
    )
    async def export_expenses(
        self, ctx: Ctx, request: Request[Any, Any, Any], filters: NamedDependency[BudgetExpenseFilters]
    ) -> Response[Any]:
        """Download the expenses list's current view as CSV or XLSX (a background job beyond the
        inline limit)."""
        return await export_view(
            ctx,
            request,
            expense_export,
            list_export(services.EXPENSE_LIST, query_as_sent(request), filters),
        )

    async def _expense(
        self,
        ctx: Ctx,
        request: Request[Any, Any, Any],
        expense_id: uuid.UUID,
        status_code: int = 200,
        errors: FormErrors | None = None,
    ) -> Template:
        expense = await services.get_expense(ctx, expense_id)
        receipts, _next = await files.list_files(
            ctx, limit=50, cursor=None, document_type=RECEIPTS, document_id=expense.id
        )
        return page(
            request,
            "budgets/expense.html",
            status_code=status_code,
            expense=expense,
            receipts=receipts,
            errors=errors or FormErrors(),
            currency=ctx.tenant.currency,
            **_labels(),
        )

    @get("/expenses/{expense_id:uuid}")
    async def expense(
        self, ctx: Ctx, request: Request[Any, Any, Any], expense_id: FromPath[uuid.UUID]
    ) -> Template:
        """An expense with the budget check made when it was filed, and its receipts."""
        return await self._expense(ctx, request, expense_id)

    @post(
        "/expenses/{expense_id:uuid}/receipts",
        opt={"min_role": Role.MEMBER, "streams_body": True},
        request_max_body_size=None,
    )
    async def upload_receipt(
        self, ctx: Ctx, request: Request[Any, Any, Any], expense_id: FromPath[uuid.UUID]
    ) -> Response[Any]:
        """Attach a receipt (a scan or photo) to the expense."""
        await services.get_expense(ctx, expense_id)

        async def store(
            part: MultipartSegment,
            chunks: AsyncIterator[bytes],
            declared_size: int | None,
            _fields: dict[str, str],
        ) -> StoredFile:
            upload = files.Upload(
                name=part.filename,
                content_type=part.content_type,
                declared_size=declared_size,
                document_type=RECEIPTS,
                document_id=expense_id,
            )
            return await savepoint(
                ctx, files.upload(ctx, provide_storage(request), chunks, upload, upload_policy(request))
            )

        try:
            await receive_upload(request, upload_policy(request), store)
        except UploadRefused as refused:
            return await self._expense(
                ctx, request, expense_id, refused.status, FormErrors({"file": refused.message})
            )
        return redirect(f"/budgets/expenses/{expense_id}", notice="budgets.receipt.attached")

    @post("/expenses/{expense_id:uuid}/pay", opt={"min_role": Role.MANAGER})
    async def pay(self, ctx: Ctx, expense_id: FromPath[uuid.UUID], data: Form) -> Response[Any]:
        """Record the expense as paid."""
        return await run_action(
            lambda: services.pay_expense(ctx, expense_id, BudgetExpensePay(), data.get("version")),
            back=f"/budgets/expenses/{expense_id}",
            notice="budgets.expense.paid",
        )

    # --- categories -------------------------------------------------------------------------

    async def _categories(
        self,
        ctx: Ctx,
        request: Request[Any, Any, Any],
        form: Submission[Any] | None = None,
        which: str | None = None,
    ) -> Template:
        categories = await services.list_categories(ctx)
        row = which if which not in (None, "category") else None  # a row's control form failed
        return page(
            request,
            "budgets/categories.html",
            status_code=form.status_code if form else 200,
            categories=categories,
            parents=[(str(c.id), f"{c.code} {c.name}") for c in categories],
            mode_choices=[(m.value, _(label)) for m, label in MODE_LABELS.items()],
            scope_choices=[(m.value, _(label)) for m, label in SCOPE_LABELS.items()],
            # The row whose control form failed: its id, what was chosen, the errors, and the
            # saved values after a 412 (someone changed the category first).
            failed=row,
            row_form=_form(form, which, row or ""),
            conflict=form.conflict if form is not None and row is not None else None,
            **_form(form, which, "category"),
            **_labels(),
        )

    @get("/categories")
    async def categories(self, ctx: Ctx, request: Request[Any, Any, Any]) -> Template:
        """The category tree with ratios, control modes and check scopes."""
        return await self._categories(ctx, request)

    @post("/categories", opt={"min_role": Role.MANAGER})
    async def create_category(self, ctx: Ctx, request: Request[Any, Any, Any], data: Form) -> Response[Any]:
        """Add a category."""

        async def again(form: Submission[BudgetCategoryCreate]) -> Template:
            return await self._categories(ctx, request, form, "category")

        return await run_form(
            read_form(data, BudgetCategoryCreate, CATEGORY_FIELDS),
            lambda body, _v: services.create_category(ctx, body),
            done=lambda _c: redirect("/budgets/categories", notice="budgets.category.created"),
            again=again,
        )

    @post("/categories/{category_id:uuid}/control", opt={"min_role": Role.MANAGER})
    async def change_control(
        self, ctx: Ctx, request: Request[Any, Any, Any], category_id: FromPath[uuid.UUID], data: Form
    ) -> Response[Any]:
        """Change a category's control mode and check scope (``If-Match``: the row's version)."""

        async def again(form: Submission[BudgetCategoryUpdate]) -> Template:
            return await self._categories(ctx, request, form, str(category_id))

        async def saved() -> dict[str, Any]:
            return saved_values(await services.get_category(ctx, category_id), CONTROL_FIELDS)

        await services.get_category(ctx, category_id)
        return await run_form(
            read_form(data, BudgetCategoryUpdate, CONTROL_FIELDS, update=True, required=CONTROL_FIELDS),
            lambda body, version: services.update_category(ctx, category_id, body, version),
            done=lambda _c: redirect("/budgets/categories", notice="budgets.category.updated"),
            again=again,
            saved=saved,
        )

    # --- analysis ---------------------------------------------------------------------------

    async def _analysis(self, ctx: Ctx, request: Request[Any, Any, Any]) -> tuple[Any, dict[str, str]]:
        query = request.query_params
        year_text = query.get("fiscal_year") or str(services.today(ctx).year)
        year = (
            int(year_text)
            if year_text.isdigit() and 2000 <= int(year_text) <= 2100
            else services.today(ctx).year
        )
        group_by = str(query.get("group_by")) if query.get("group_by") in services.GROUPS else "category"
        params: dict[str, str] = {"fiscal_year": str(year), "group_by": group_by}
        ids = {}
        for name in ("org_unit_id", "category_id"):
            try:
                ids[name] = uuid.UUID(query.get(name) or "")
                params[name] = str(ids[name])
            except ValueError:
                ids[name] = None  # type: ignore[assignment]
        report = await services.analysis(
            ctx, year, group_by, org_unit_id=ids["org_unit_id"], category_id=ids["category_id"]
        )
        return report, params

    @get("/analysis")
    async def analysis(self, ctx: Ctx, request: Request[Any, Any, Any]) -> Template:
        """Budget vs committed vs actual per cost centre, category, period or quarter, with
        drill-down to the lines and their documents."""
        report, params = await self._analysis(ctx, request)
        lines = []
        if "org_unit_id" in params or "category_id" in params:
            lines = await services.analysis_lines(
                ctx,
                report.fiscal_year,
                org_unit_id=uuid.UUID(params["org_unit_id"]) if "org_unit_id" in params else None,
                category_id=uuid.UUID(params["category_id"]) if "category_id" in params else None,
            )
        return page(
            request,
            "budgets/analysis.html",
            report=report,
            params=params,
            lines=lines,
            org_units=await _org_units(ctx),
            categories=[
                (str(c.id), "\u00a0\u00a0" * c.depth + f"{c.code} {c.name}")
                for c in await services.list_categories(ctx)
            ],
            currency=ctx.tenant.currency,
            **_labels(),
        )

    @get("/analysis/export")
    async def export_analysis(self, ctx: Ctx, request: Request[Any, Any, Any]) -> Response[bytes]:
        """Download the analysis as CSV or XLSX."""
        report, _params = await self._analysis(ctx, request)
        columns = [
            Column("label", _(GROUP_LABELS[report.group_by])),
            Column("budget", _("Budget"), "money"),
            Column("pending", _("Awaiting approval"), "money"),
            Column("committed", _("Committed"), "money"),
            Column("actual", _("Actual"), "money"),
            Column("variance", _("Variance"), "money"),
            Column("used_pct", _("Share used"), "decimal"),
        ]
        rows = [[getattr(r, c.key) for c in columns] for r in [*report.rows, report.total]]
        return export_response(
            request.query_params.get("format", "csv"),
            f"budget-analysis-{report.fiscal_year}",
            columns,
            rows,
            sheet=_("Budget vs actual"),
        )


PAGES: list[type[Controller]] = [BudgetPages]
NAVIGATION = [
    NavItem(N_("Budget plans"), "/budgets", section=SECTION),
    NavItem(N_("Expenses"), "/budgets/expenses", section=SECTION),
    NavItem(N_("Budget vs actual"), "/budgets/analysis", section=SECTION),
    NavItem(N_("Budget categories"), "/budgets/categories", section=SECTION),
]
NOTICES = {
    "budgets.plan.created": N_("Plan started."),
    "budgets.plan.compiled": N_("Lines compiled from forecast sales."),
    "budgets.plan.submitted": N_("Plan sent for approval."),
    "budgets.line.saved": N_("Line saved."),
    "budgets.line.explained": N_("Explanation saved."),
    "budgets.forecast.saved": N_("Forecast sales saved."),
    "budgets.expense.filed": N_("Expense filed."),
    "budgets.expense.paid": N_("Expense recorded as paid."),
    "budgets.adjustment.filed": N_("Adjustment sent for approval."),
    "budgets.category.created": N_("Category created."),
    "budgets.category.updated": N_("Category control saved."),
    "budgets.receipt.attached": N_("Receipt attached."),
}
#: Plans, lines and expenses are record types (``chatter.py``), link targets already.
LINK_TARGETS: list[LinkTarget] = []
