"""Budgets API bodies: create, update (PATCH: omitted keeps, ``null`` clears), views, filters.

Every computed figure comes with the formula and inputs it was computed from."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated

import msgspec

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

Code = Annotated[str, msgspec.Meta(min_length=1, max_length=50, pattern=r"^[A-Za-z0-9_.-]+$")]
Name = Annotated[str, msgspec.Meta(min_length=1, max_length=200)]
Notes = Annotated[str, msgspec.Meta(max_length=4000)]
Reason = Annotated[str, msgspec.Meta(min_length=1, max_length=400)]
Period = Annotated[
    str,
    msgspec.Meta(
        pattern=r"^\d{4}(-(0[1-9]|1[0-2]|Q[1-4]))?$",
        description="A month (2027-01), a quarter (2027-Q1) or a year (2027).",
    ),
]
Year = Annotated[int, msgspec.Meta(ge=2000, le=2100)]
ApprovalCategory = Annotated[str, msgspec.Meta(min_length=1, max_length=50, pattern=r"^[a-z0-9_]+$")]


# --- categories -----------------------------------------------------------------------------


class BudgetCategoryCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A new category or sub-category (``parent_id``)."""

    code: Code
    name: Name
    parent_id: uuid.UUID | None = None
    #: Percent of forecast sales for the ratio method (6.5 = 6.5 %).
    ratio: Decimal | None = None
    control_mode: ControlMode = ControlMode.HARD
    check_scope: CheckScope = CheckScope.PERIOD
    approval_category: ApprovalCategory | None = None
    position: int = 0
    notes: Notes | None = None


class BudgetCategoryUpdate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Fields to change; omitted fields keep their value, ``null`` clears. Send ``If-Match``."""

    code: Code | msgspec.UnsetType = msgspec.UNSET
    name: Name | msgspec.UnsetType = msgspec.UNSET
    parent_id: uuid.UUID | msgspec.UnsetType | None = msgspec.UNSET
    ratio: Decimal | msgspec.UnsetType | None = msgspec.UNSET
    control_mode: ControlMode | msgspec.UnsetType = msgspec.UNSET
    check_scope: CheckScope | msgspec.UnsetType = msgspec.UNSET
    approval_category: ApprovalCategory | msgspec.UnsetType | None = msgspec.UNSET
    position: int | msgspec.UnsetType = msgspec.UNSET
    notes: Notes | msgspec.UnsetType | None = msgspec.UNSET


class BudgetCategoryView(msgspec.Struct, kw_only=True):
    """A category with its place in the tree (``depth`` 0 at the top)."""

    id: uuid.UUID
    code: str
    name: str
    parent_id: uuid.UUID | None
    depth: int
    ratio: Decimal | None
    control_mode: ControlMode
    check_scope: CheckScope
    approval_category: str | None
    position: int
    notes: str | None
    created_at: datetime
    updated_at: datetime
    version: int


class BudgetCategoryList(msgspec.Struct, kw_only=True):
    """The tenant's categories in tree order (parents before their children)."""

    items: list[BudgetCategoryView]


# --- forecasts ------------------------------------------------------------------------------


class BudgetForecastSet(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Forecast sales of a cost centre for a period (replaces the one entered before)."""

    org_unit_id: uuid.UUID
    period: Period
    amount: Decimal


class BudgetForecastView(msgspec.Struct, kw_only=True):
    """Forecast sales of a cost centre for a period."""

    id: uuid.UUID
    org_unit_id: uuid.UUID
    period: str
    amount: Decimal
    updated_at: datetime
    version: int


class BudgetForecastPage(msgspec.Struct, kw_only=True):
    """Forecasts, by cost centre and period."""

    items: list[BudgetForecastView]
    next_cursor: str | None


class BudgetForecastFilters(msgspec.Struct, kw_only=True):
    """The forecasts list's filters."""

    org_unit_id: uuid.UUID | None = None
    fiscal_year: int | None = None


# --- plans and lines ------------------------------------------------------------------------


class BudgetPlanCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A new draft plan of a cost centre (org unit) for a fiscal year."""

    title: Name
    fiscal_year: Year
    org_unit_id: uuid.UUID
    granularity: Granularity = Granularity.MONTH
    notes: Notes | None = None


class BudgetPlanView(msgspec.Struct, kw_only=True):
    """A plan with its total (the sum of its lines' budgets in force)."""

    id: uuid.UUID
    title: str
    fiscal_year: int
    org_unit_id: uuid.UUID
    org_unit_name: str
    granularity: Granularity
    status: PlanStatus
    revision: int
    total: Decimal
    notes: str | None
    created_at: datetime
    updated_at: datetime
    version: int


class BudgetPlanPage(msgspec.Struct, kw_only=True):
    """A page of plans."""

    items: list[BudgetPlanView]
    next_cursor: str | None


class BudgetPlanFilters(msgspec.Struct, kw_only=True):
    """The plans list's filters."""

    fiscal_year: int | None = None
    org_unit_id: uuid.UUID | None = None
    status: PlanStatus | None = None


class BudgetLineCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A line: ``fixed`` takes ``amount``; ``incremental`` takes ``percent`` and last year's
    actual (``base``; default: what the cost centre paid in the category in the same period last
    year, shown in the formula); ``ratio`` takes ``percent`` (default: the category's ratio) of
    the cost centre's forecast sales for the period (or ``base`` when given)."""

    category_id: uuid.UUID
    period: Period
    method: LineMethod = LineMethod.FIXED
    amount: Decimal | None = None
    base: Decimal | None = None
    percent: Decimal | None = None


class BudgetCompile(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Compile ratio lines from forecast sales: every category with a ratio (or those listed)
    for every period of the plan that has a forecast; existing lines are recomputed."""

    category_ids: list[uuid.UUID] | None = None


class BudgetLineView(msgspec.Struct, kw_only=True):
    """A line: its budget with how it was computed, and what is used of it.

    ``available = amount - pending - committed - actual``; ``used_pct = (pending + committed +
    actual) / amount × 100``."""

    id: uuid.UUID
    plan_id: uuid.UUID
    category_id: uuid.UUID
    category_code: str
    category_name: str
    control_mode: ControlMode
    period: str
    method: LineMethod
    base: Decimal | None
    percent: Decimal | None
    compiled_amount: Decimal
    amount: Decimal
    formula: str
    pending: Decimal
    committed: Decimal
    actual: Decimal
    available: Decimal
    used_pct: Decimal | None
    over: bool
    explanation: str | None
    explained_at: datetime | None
    explanation_due: bool
    version: int


class BudgetPlanVersionLine(msgspec.Struct, kw_only=True):
    """A line's amount in a plan version."""

    line_id: uuid.UUID
    category_id: uuid.UUID
    period: str
    amount: Decimal


class BudgetPlanVersionView(msgspec.Struct, kw_only=True):
    """An approved version of a plan."""

    revision: int
    reason: str
    total: Decimal
    created_at: datetime
    lines: list[BudgetPlanVersionLine]


class BudgetPlanDetail(msgspec.Struct, kw_only=True):
    """A plan with its lines and approved versions (newest first)."""

    plan: BudgetPlanView
    lines: list[BudgetLineView]
    versions: list[BudgetPlanVersionView]
    formula: str


class BudgetLineChangeView(msgspec.Struct, kw_only=True):
    """One change of a line's budget."""

    revision: int
    before: Decimal
    after: Decimal
    delta: Decimal
    reason: str
    adjustment_id: uuid.UUID | None
    created_at: datetime


class BudgetExplanation(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """The written explanation of a line's overrun."""

    explanation: Annotated[str, msgspec.Meta(min_length=1, max_length=4000)]


# --- expenses -------------------------------------------------------------------------------


class BudgetControlView(msgspec.Struct, kw_only=True):
    """The budget check made when an expense was filed, with its inputs."""

    mode: ControlMode
    scope: CheckScope
    basis: str
    outcome: str
    budget: Decimal
    committed: Decimal
    actual: Decimal
    requested: Decimal
    available: Decimal
    shortfall: Decimal
    formula: str


class BudgetExpenseCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """An expense request, advance or reimbursement against a budget line (a reimbursement may
    settle an ``advance_id``). Admins acting with a key that belongs to nobody name the
    ``author_id``."""

    kind: ExpenseKind = ExpenseKind.REQUEST
    line_id: uuid.UUID
    title: Name
    amount: Decimal
    advance_id: uuid.UUID | None = None
    spent_on: date | None = None
    author_id: uuid.UUID | None = None
    notes: Notes | None = None


class BudgetExpenseView(msgspec.Struct, kw_only=True):
    """An expense with what it uses of its line now."""

    id: uuid.UUID
    kind: ExpenseKind
    status: ExpenseStatus
    line_id: uuid.UUID
    plan_id: uuid.UUID
    org_unit_id: uuid.UUID
    category_id: uuid.UUID
    category_name: str
    period: str
    advance_id: uuid.UUID | None
    title: str
    amount: Decimal
    covered: Decimal
    pending: Decimal
    committed: Decimal
    actual: Decimal
    over_budget: bool
    control: BudgetControlView | None
    warning: str | None
    spent_on: date
    paid_on: date | None
    author_id: uuid.UUID | None
    notes: str | None
    created_at: datetime
    version: int


class BudgetExpensePage(msgspec.Struct, kw_only=True):
    """A page of expenses."""

    items: list[BudgetExpenseView]
    next_cursor: str | None


class BudgetExpenseFilters(msgspec.Struct, kw_only=True):
    """The expenses list's filters."""

    q: str | None = None
    kind: ExpenseKind | None = None
    status: ExpenseStatus | None = None
    line_id: uuid.UUID | None = None
    plan_id: uuid.UUID | None = None


class BudgetExpensePay(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Record an approved expense as paid (an advance: paid out)."""

    paid_on: date | None = None


class BudgetLineDetail(msgspec.Struct, kw_only=True):
    """A line with its history and its expenses (the analysis' drill-down)."""

    line: BudgetLineView
    plan: BudgetPlanView
    history: list[BudgetLineChangeView]
    expenses: list[BudgetExpenseView]


# --- adjustments ----------------------------------------------------------------------------


class BudgetAdjustmentCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A transfer of ``amount`` from one line to another of the same approved plan, or an
    increase of one line; applied when approved."""

    kind: AdjustmentKind
    to_line_id: uuid.UUID
    from_line_id: uuid.UUID | None = None
    amount: Decimal
    reason: Reason
    author_id: uuid.UUID | None = None


class BudgetAdjustmentView(msgspec.Struct, kw_only=True):
    """An adjustment and the plan version it made."""

    id: uuid.UUID
    plan_id: uuid.UUID
    kind: AdjustmentKind
    status: AdjustmentStatus
    from_line_id: uuid.UUID | None
    to_line_id: uuid.UUID
    amount: Decimal
    reason: str
    revision: int | None
    created_at: datetime
    version: int


class BudgetAdjustmentPage(msgspec.Struct, kw_only=True):
    """A page of adjustments."""

    items: list[BudgetAdjustmentView]
    next_cursor: str | None


# --- analysis -------------------------------------------------------------------------------


class BudgetAnalysisRow(msgspec.Struct, kw_only=True):
    """Budget vs committed vs actual of one group (cost centre, category, period or quarter)."""

    key: str
    label: str
    budget: Decimal
    pending: Decimal
    committed: Decimal
    actual: Decimal
    used: Decimal
    variance: Decimal
    used_pct: Decimal | None
    over: bool
    lines: int


class BudgetAnalysis(msgspec.Struct, kw_only=True):
    """The budget-vs-actual report of a fiscal year, grouped, with its total and formula."""

    fiscal_year: int
    group_by: str
    rows: list[BudgetAnalysisRow]
    total: BudgetAnalysisRow
    formula: str


# --- settings -------------------------------------------------------------------------------


class BudgetsSettingsView(msgspec.Struct, kw_only=True):
    """The monthly submission calendar."""

    submission_day: int
    reminder_days: int
    updated_at: datetime
    version: int


class BudgetsSettingsUpdate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Change the submission day (1–28) or how many days before it the reminder goes out."""

    submission_day: Annotated[int, msgspec.Meta(ge=1, le=28)] | msgspec.UnsetType = msgspec.UNSET
    reminder_days: Annotated[int, msgspec.Meta(ge=0, le=27)] | msgspec.UnsetType = msgspec.UNSET
