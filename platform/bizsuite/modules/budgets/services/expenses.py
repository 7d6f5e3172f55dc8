"""Execution: expense requests (费用申请), advances (借款) and reimbursements (报销) against a
budget line, each checked against the line's budget in the same transaction that reserves it.

The plan's row is locked while a spend is checked, so two simultaneous requests are checked one
after the other and cannot both pass on the last of a budget. Hard control refuses (409 naming
the line, budget, committed, actual, requested and shortfall), soft routes the expense to the
special (over-budget) approval, warn lets it through with a warning, off only records."""

from __future__ import annotations

import uuid
from decimal import Decimal

from sqlalchemy import select

from bizsuite.core.alerts.models import Severity
from bizsuite.core.alerts.services import raise_alert
from bizsuite.core.approvals import ApprovalRequest, RequestStatus, SubmittedDocument, submit_document
from bizsuite.core.context import Context, snapshot
from bizsuite.core.errors import ConflictProblem, FieldError, ValidationProblem
from bizsuite.core.identity.models import Role
from bizsuite.core.repository import check_version, fetch, fetch_reference, list_page
from bizsuite.core.webhooks.services import emit_event
from bizsuite.modules.budgets import rules
from bizsuite.modules.budgets.models import (
    BudgetLine,
    Category,
    ControlMode,
    Expense,
    ExpenseKind,
    ExpenseStatus,
    Plan,
    PlanStatus,
)
from bizsuite.modules.budgets.schemas import (
    BudgetControlView,
    BudgetExpenseCreate,
    BudgetExpenseFilters,
    BudgetExpensePage,
    BudgetExpensePay,
    BudgetExpenseView,
    BudgetLineDetail,
)
from bizsuite.modules.budgets.services.categories import approval_category
from bizsuite.modules.budgets.services.common import author_for, check_amount, today
from bizsuite.modules.budgets.services.plans import (
    cumulative_figures,
    figures,
    line_history,
    line_row,
    line_views,
    plan_row,
    plan_views,
    usage_by_line,
)
from bizsuite.web.i18n import N_

#: The approval engine's document type of an expense.
EXPENSE_DOCUMENT = "budgets_expense"
#: The approval category of an expense beyond its budget under soft control (the special flow).
OVER_BUDGET = "over_budget"
OVERRUN_ALERT = "budgets.overrun"
KIND_WORDS = {
    ExpenseKind.REQUEST: "Expense request",
    ExpenseKind.ADVANCE: "Advance",
    ExpenseKind.REIMBURSEMENT: "Reimbursement",
}


class BudgetExceededProblem(ConflictProblem):
    """Hard control: the spend would take the line beyond its budget."""

    slug = "budget-exceeded"
    title = "Budget exceeded"

    def __init__(self, line_label: str, check: rules.ControlCheck) -> None:
        scope = "the year so far of " if check.basis == "cumulative" else ""
        message = (
            f"Over budget (hard control) on {scope}{line_label}: budget {rules.shown(check.budget)}, "
            f"committed {rules.shown(check.committed)}, actual {rules.shown(check.actual)}, "
            f"requested {rules.shown(check.requested)}, available {rules.shown(check.available)}, "
            f"shortfall {rules.shown(check.shortfall)}."
        )
        super().__init__(message, errors=[FieldError(field="amount", message=message)])
        self.check = check


def _control_view(data: dict[str, str] | None) -> BudgetControlView | None:
    if not data:
        return None
    return BudgetControlView(
        mode=ControlMode(data["mode"]),
        scope=data["scope"],  # type: ignore[arg-type]
        basis=data["basis"],
        outcome=data["outcome"],
        budget=Decimal(data["budget"]),
        committed=Decimal(data["committed"]),
        actual=Decimal(data["actual"]),
        requested=Decimal(data["requested"]),
        available=Decimal(data["available"]),
        shortfall=Decimal(data["shortfall"]),
        formula=data["formula"],
    )


async def expense_views(ctx: Context, rows: list[Expense]) -> list[BudgetExpenseView]:
    """Expense rows as views, with their lines' plan, cost centre, category and period."""
    lines = {
        r.id: r
        for r in await ctx.session.scalars(
            select(BudgetLine).where(BudgetLine.id.in_({e.line_id for e in rows}))
        )
    }
    plans = dict(
        (
            await ctx.session.execute(
                select(Plan.id, Plan.org_unit_id).where(Plan.id.in_({r.plan_id for r in lines.values()}))
            )
        ).all()
    )
    names = dict(
        (
            await ctx.session.execute(
                select(Category.id, Category.name).where(
                    Category.id.in_({r.category_id for r in lines.values()})
                )
            )
        ).all()
    )
    out = []
    for e in rows:
        line = lines[e.line_id]
        out.append(
            BudgetExpenseView(
                id=e.id,
                kind=e.kind,
                status=e.status,
                line_id=e.line_id,
                plan_id=line.plan_id,
                org_unit_id=plans[line.plan_id],
                category_id=line.category_id,
                category_name=names.get(line.category_id, ""),
                period=line.period,
                advance_id=e.advance_id,
                title=e.title,
                amount=e.amount,
                covered=e.covered,
                pending=e.pending,
                committed=e.committed,
                actual=e.actual,
                over_budget=e.over_budget,
                control=_control_view(e.control),
                warning=e.warning,
                spent_on=e.spent_on,
                paid_on=e.paid_on,
                author_id=e.author_id,
                notes=e.notes,
                created_at=e.created_at,
                version=e.version,
            )
        )
    return out


def _set_usage(row: Expense) -> None:
    row.pending, row.committed, row.actual = rules.usage(row.kind, row.status, row.amount, row.covered)


async def expense_row(ctx: Context, expense_id: uuid.UUID, *, lock: bool = False) -> Expense:
    """The expense, or 404."""
    if lock:
        found = await ctx.session.scalar(select(Expense).where(Expense.id == expense_id).with_for_update())
        if found is not None:
            return found
    return await fetch(ctx.session, Expense, expense_id, what="expense")


async def get_expense(ctx: Context, expense_id: uuid.UUID) -> BudgetExpenseView:
    """One expense, or 404."""
    return (await expense_views(ctx, [await expense_row(ctx, expense_id)]))[0]


async def list_expenses(
    ctx: Context, filters: BudgetExpenseFilters, *, limit: int, cursor: str | None
) -> BudgetExpensePage:
    """A page of expenses, newest first."""
    statement = select(Expense)
    if filters.kind is not None:
        statement = statement.where(Expense.kind == filters.kind)
    if filters.status is not None:
        statement = statement.where(Expense.status == filters.status)
    if filters.line_id is not None:
        statement = statement.where(Expense.line_id == filters.line_id)
    if filters.plan_id is not None:
        statement = statement.where(
            Expense.line_id.in_(select(BudgetLine.id).where(BudgetLine.plan_id == filters.plan_id))
        )
    if filters.q:
        text = filters.q.replace("/", "//").replace("%", "/%").replace("_", "/_")
        statement = statement.where(Expense.title.ilike(f"%{text}%", escape="/"))
    rows, next_cursor = await list_page(
        ctx.session, statement, Expense, limit=limit, cursor=cursor, descending=True
    )
    return BudgetExpensePage(items=await expense_views(ctx, list(rows)), next_cursor=next_cursor)


async def _advance_cover(ctx: Context, data: BudgetExpenseCreate, line: BudgetLine) -> Decimal:
    """What the advance a reimbursement settles already holds as committed (0 without one)."""
    if data.advance_id is None:
        return rules.ZERO
    if data.kind is not ExpenseKind.REIMBURSEMENT:
        raise ValidationProblem.for_field("advance_id", "only a reimbursement settles an advance")
    advance = await fetch_reference(ctx.session, Expense, data.advance_id, field="advance_id")
    if advance.kind is not ExpenseKind.ADVANCE:
        raise ValidationProblem.for_field("advance_id", "not an advance")
    if advance.line_id != line.id:
        raise ValidationProblem.for_field("advance_id", "the advance was taken against another budget line")
    if advance.status is not ExpenseStatus.PAID:
        raise ConflictProblem.for_field(
            "advance_id", f"only a paid-out advance can be settled; this one is {advance.status.value}"
        )
    other = await ctx.session.scalar(
        select(Expense.id).where(Expense.advance_id == advance.id, Expense.status != ExpenseStatus.RETURNED)
    )
    if other is not None:
        raise ConflictProblem.for_field("advance_id", "this advance is already being settled")
    return rules.covered_by_advance(advance.amount, data.amount)


async def line_label(ctx: Context, line: BudgetLine) -> str:
    """How a line is named in messages: ``RENT 房租费用 2027-01``."""
    category = await fetch(ctx.session, Category, line.category_id, what="category")
    return f"{category.code} {category.name} {line.period}"


async def create_expense(ctx: Context, data: BudgetExpenseCreate) -> BudgetExpenseView:
    """File an expense request, advance or reimbursement and check it against its line's budget
    in this transaction (the plan's row is locked until it ends)."""
    check_amount("amount", data.amount, positive=True)
    line = await fetch_reference(ctx.session, BudgetLine, data.line_id, field="line_id")
    plan = await plan_row(ctx, line.plan_id, lock=True)
    if plan.status is not PlanStatus.APPROVED:
        raise ConflictProblem.for_field("line_id", f"the line's plan is {plan.status.value}, not approved")
    author = await author_for(ctx, data.author_id, "Expenses are filed")
    category = await fetch(ctx.session, Category, line.category_id, what="category")
    covered = await _advance_cover(ctx, data, line)
    requested = data.amount - covered
    used = (await usage_by_line(ctx, [line.id])).get(line.id, (rules.ZERO, rules.ZERO, rules.ZERO))
    check = rules.check_control(
        category.control_mode,
        category.check_scope,
        requested,
        figures(line, used),
        await cumulative_figures(ctx, line),
    )
    label = f"{category.code} {category.name} {line.period}"
    if check.outcome == "refuse":
        raise BudgetExceededProblem(label, check)
    row = Expense(
        kind=data.kind,
        status=ExpenseStatus.IN_APPROVAL,
        line_id=line.id,
        advance_id=data.advance_id,
        title=data.title,
        amount=rules.money(data.amount),
        covered=covered,
        over_budget=check.over,
        control=check.as_dict(),
        warning=(
            f"Over budget by {rules.shown(check.shortfall)} (warn control): recorded with this warning."
            if check.outcome == "warn"
            else None
        ),
        spent_on=data.spent_on or today(ctx),
        author_id=author,
        notes=data.notes,
    )
    _set_usage(row)
    ctx.session.add(row)
    await ctx.session.flush()
    await submit_document(
        ctx,
        SubmittedDocument(
            document_type=EXPENSE_DOCUMENT,
            document_id=row.id,
            title=f"{KIND_WORDS[row.kind]}: {row.title}",
            org_unit_id=plan.org_unit_id,
            author_id=author,
            amount=row.amount,
            currency=ctx.tenant.currency or "CNY",
            category=OVER_BUDGET
            if check.outcome == "special_approval"
            else await approval_category(ctx, category),
        ),
    )
    ctx.audit(f"budgets.{row.kind.value}.submitted", row, after=snapshot(row))
    view = (await expense_views(ctx, [row]))[0]
    if check.over and check.mode is not ControlMode.OFF:
        await _overrun(ctx, row, label, check, view)
    return view


async def _overrun(
    ctx: Context, row: Expense, label: str, check: rules.ControlCheck, view: BudgetExpenseView
) -> None:
    """Tell managers (an alert) and subscribed endpoints (``budgets.overrun``) of an overrun."""
    await raise_alert(
        ctx,
        alert_type=OVERRUN_ALERT,
        severity=Severity.WARNING,
        title_msgid=N_("Over budget: %(line)s (shortfall %(shortfall)s)"),
        params={"line": label, "shortfall": rules.shown(check.shortfall)},
        target=row,
        dedup_key=f"budgets.overrun:{row.id}",
        audience=Role.MANAGER,
        data={"line_id": str(row.line_id), **check.as_dict()},
    )
    await emit_event(ctx, "budgets.overrun", {"expense": view, "check": check.as_dict()})


async def on_expense_decided(ctx: Context, request: ApprovalRequest) -> None:
    """The approval engine's callback: approved → committed; rejected or withdrawn → returned
    (nothing used)."""
    row = await expense_row(ctx, request.document_id, lock=True)
    if row.status is not ExpenseStatus.IN_APPROVAL:
        return
    before = snapshot(row)
    row.status = (
        ExpenseStatus.APPROVED if request.status is RequestStatus.APPROVED else ExpenseStatus.RETURNED
    )
    _set_usage(row)
    await ctx.session.flush()
    ctx.audit(f"budgets.{row.kind.value}.{request.status.value}", row, before=before, after=snapshot(row))


async def pay_expense(
    ctx: Context, expense_id: uuid.UUID, data: BudgetExpensePay, if_match: str | None
) -> BudgetExpenseView:
    """Record an approved expense as paid (``If-Match``): a request or reimbursement becomes
    actual; an advance is paid out and stays committed until settled. Paying a reimbursement
    settles its advance, whose commitment it replaces (never counted twice)."""
    row = await expense_row(ctx, expense_id, lock=True)
    check_version(row, if_match)
    if row.status not in rules.PAYABLE:
        raise ConflictProblem(f"Only approved expenses are paid; this one is {row.status.value}.")
    before = snapshot(row)
    row.status = ExpenseStatus.PAID
    row.paid_on = data.paid_on or today(ctx)
    _set_usage(row)
    if row.advance_id is not None:
        advance = await expense_row(ctx, row.advance_id, lock=True)
        advance_before = snapshot(advance)
        advance.status = ExpenseStatus.SETTLED
        _set_usage(advance)
        ctx.audit("budgets.advance.closed", advance, before=advance_before, after=snapshot(advance))
    await ctx.session.flush()
    ctx.audit(f"budgets.{row.kind.value}.status_changed", row, before=before, after=snapshot(row))
    return (await expense_views(ctx, [row]))[0]


async def line_detail(ctx: Context, line_id: uuid.UUID) -> BudgetLineDetail:
    """A line with its history and expenses (the analysis' drill-down)."""
    line = await line_row(ctx, line_id)
    plan = await plan_row(ctx, line.plan_id)
    expenses = list(
        await ctx.session.scalars(
            select(Expense).where(Expense.line_id == line.id).order_by(Expense.created_at.desc())
        )
    )
    return BudgetLineDetail(
        line=(await line_views(ctx, [line]))[0],
        plan=(await plan_views(ctx, [plan]))[0],
        history=await line_history(ctx, line.id),
        expenses=await expense_views(ctx, expenses),
    )
