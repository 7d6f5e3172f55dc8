"""Budgets tables: settings, categories (a tree with ratios and control modes), forecast sales,
plans with their lines, plan versions and line history, expenses (requests, advances and
reimbursements) and adjustments (transfers and increases).

Every table is tenant-scoped with a ``(tenant_id, id)`` key and composite foreign keys; the
migration is ``migrations/versions/0018_budgets.py``.
"""

from __future__ import annotations

import enum
import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Enum,
    Index,
    Integer,
    Numeric,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from bizsuite.core.db import Base, TenantScoped, Timestamped, Versioned, tenant_fk

MONEY = Numeric(18, 2)
PERCENT = Numeric(9, 4)


def _enum(kind: type[enum.StrEnum], name: str) -> Enum:
    return Enum(kind, name=name, values_callable=lambda e: [m.value for m in e])


class ControlMode(enum.StrEnum):
    """How spending beyond a line's budget is treated (预算控制力度)."""

    HARD = "hard"
    SOFT = "soft"
    WARN = "warn"
    OFF = "off"


class CheckScope(enum.StrEnum):
    """Which budget a spend is checked against: its period's, the year so far, or both."""

    PERIOD = "period"
    CUMULATIVE = "cumulative"
    BOTH = "both"


class Granularity(enum.StrEnum):
    """A plan's periods."""

    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"


class LineMethod(enum.StrEnum):
    """How a plan line's amount is compiled (编制方法)."""

    FIXED = "fixed"
    INCREMENTAL = "incremental"
    RATIO = "ratio"


class PlanStatus(enum.StrEnum):
    """Where a plan stands."""

    DRAFT = "draft"
    IN_APPROVAL = "in_approval"
    APPROVED = "approved"


class ExpenseKind(enum.StrEnum):
    """费用申请 (request), 借款 (advance), 报销 (reimbursement)."""

    REQUEST = "request"
    ADVANCE = "advance"
    REIMBURSEMENT = "reimbursement"


class ExpenseStatus(enum.StrEnum):
    """An expense's life: in approval, approved (committed), paid (actual; an advance stays
    committed until settled), settled (an advance its reimbursement was paid for), returned."""

    IN_APPROVAL = "in_approval"
    APPROVED = "approved"
    PAID = "paid"
    SETTLED = "settled"
    RETURNED = "returned"


class AdjustmentKind(enum.StrEnum):
    """调剂 (transfer between lines) or 追加 (increase of a line)."""

    TRANSFER = "transfer"
    INCREASE = "increase"


class AdjustmentStatus(enum.StrEnum):
    """An adjustment waits for approval, then is applied or returned."""

    IN_APPROVAL = "in_approval"
    APPLIED = "applied"
    RETURNED = "returned"


class BudgetsSettings(TenantScoped, Timestamped, Versioned, Base):
    """The tenant's budgets settings (one row per tenant, created on first use)."""

    __tablename__ = "budgets_settings"
    __table_args__ = (
        UniqueConstraint("tenant_id", name="uq_budgets_settings_tenant"),
        CheckConstraint("submission_day BETWEEN 1 AND 28", name="submission_day_range"),
        CheckConstraint("reminder_days BETWEEN 0 AND 27", name="reminder_days_range"),
    )

    #: Departments submit next month's budget by this day of the month (每月25日前).
    submission_day: Mapped[int] = mapped_column(SmallInteger, default=25, server_default=text("25"))
    #: The reminder goes out this many days before the submission day.
    reminder_days: Mapped[int] = mapped_column(SmallInteger, default=3, server_default=text("3"))


class Category(TenantScoped, Timestamped, Versioned, Base):
    """A budget category or sub-category (费用类别) with its ratio of sales and control."""

    __tablename__ = "budgets_categories"
    __table_args__ = (
        tenant_fk("parent_id", "budgets_categories.id"),
        UniqueConstraint("tenant_id", "code", name="uq_budgets_categories_code"),
        Index("ix_budgets_categories_tenant_created", "tenant_id", "created_at", "id"),
        CheckConstraint("ratio IS NULL OR (ratio >= 0 AND ratio <= 100)", name="ratio_range"),
    )

    code: Mapped[str] = mapped_column(String(50))
    name: Mapped[str] = mapped_column(String(200))
    parent_id: Mapped[uuid.UUID | None]
    #: Percent of forecast sales (6.5 = 6.5 %), used by the ratio method.
    ratio: Mapped[Decimal | None] = mapped_column(PERCENT)
    control_mode: Mapped[ControlMode] = mapped_column(
        _enum(ControlMode, "budgets_control_mode"), default=ControlMode.HARD, server_default="hard"
    )
    check_scope: Mapped[CheckScope] = mapped_column(
        _enum(CheckScope, "budgets_check_scope"), default=CheckScope.PERIOD, server_default="period"
    )
    #: The approval category its expenses carry (flows select by it, e.g. ``operating``).
    approval_category: Mapped[str | None] = mapped_column(String(50))
    position: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
    notes: Mapped[str | None] = mapped_column(Text)


class Forecast(TenantScoped, Timestamped, Versioned, Base):
    """Forecast sales (预算销售) of a cost centre for one period, the base of the ratio method."""

    __tablename__ = "budgets_forecasts"
    __table_args__ = (
        tenant_fk("org_unit_id", "org_units.id"),
        UniqueConstraint("tenant_id", "org_unit_id", "period", name="uq_budgets_forecasts_period"),
        CheckConstraint("amount >= 0", name="amount_not_negative"),
    )

    org_unit_id: Mapped[uuid.UUID]
    #: ``2027-01`` (month), ``2027-Q1`` (quarter) or ``2027`` (year).
    period: Mapped[str] = mapped_column(String(8))
    amount: Mapped[Decimal] = mapped_column(MONEY)


class Plan(TenantScoped, Timestamped, Versioned, Base):
    """A budget plan (费用预算) of a cost centre for a fiscal year, by month, quarter or year."""

    __tablename__ = "budgets_plans"
    __table_args__ = (
        tenant_fk("org_unit_id", "org_units.id"),
        UniqueConstraint("tenant_id", "org_unit_id", "fiscal_year", name="uq_budgets_plans_unit_year"),
        Index("ix_budgets_plans_tenant_created", "tenant_id", "created_at", "id"),
    )

    title: Mapped[str] = mapped_column(String(200))
    fiscal_year: Mapped[int] = mapped_column(Integer)
    org_unit_id: Mapped[uuid.UUID]
    granularity: Mapped[Granularity] = mapped_column(_enum(Granularity, "budgets_granularity"))
    status: Mapped[PlanStatus] = mapped_column(
        _enum(PlanStatus, "budgets_plan_status"), default=PlanStatus.DRAFT, server_default="draft"
    )
    #: The approved version in force (0 until first approved; each applied adjustment adds one).
    revision: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
    author_id: Mapped[uuid.UUID | None]
    notes: Mapped[str | None] = mapped_column(Text)


class BudgetLine(TenantScoped, Timestamped, Versioned, Base):
    """One category's budget for one period of a plan, with how it was computed."""

    __tablename__ = "budgets_lines"
    __table_args__ = (
        tenant_fk("plan_id", "budgets_plans.id", ondelete="CASCADE"),
        tenant_fk("category_id", "budgets_categories.id"),
        UniqueConstraint("tenant_id", "plan_id", "category_id", "period", name="uq_budgets_lines_period"),
        Index("ix_budgets_lines_plan", "tenant_id", "plan_id"),
        CheckConstraint("amount >= 0", name="amount_not_negative"),
    )

    plan_id: Mapped[uuid.UUID]
    category_id: Mapped[uuid.UUID]
    period: Mapped[str] = mapped_column(String(8))
    method: Mapped[LineMethod] = mapped_column(_enum(LineMethod, "budgets_line_method"))
    #: The method's inputs: the base (last year's actual or forecast sales) and the percentage.
    base: Mapped[Decimal | None] = mapped_column(MONEY)
    percent: Mapped[Decimal | None] = mapped_column(PERCENT)
    #: As compiled (before adjustments) and as in force now.
    compiled_amount: Mapped[Decimal] = mapped_column(MONEY)
    amount: Mapped[Decimal] = mapped_column(MONEY)
    formula: Mapped[str] = mapped_column(String(400))
    #: The written explanation of an overrun (超预算说明), due the following month.
    explanation: Mapped[str | None] = mapped_column(Text)
    explained_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class PlanVersion(TenantScoped, Timestamped, Base):
    """An approved version of a plan: its lines' amounts when it came into force."""

    __tablename__ = "budgets_plan_versions"
    __table_args__ = (
        tenant_fk("plan_id", "budgets_plans.id", ondelete="CASCADE"),
        UniqueConstraint("tenant_id", "plan_id", "revision", name="uq_budgets_plan_versions_revision"),
    )

    plan_id: Mapped[uuid.UUID]
    revision: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(String(400))
    total: Mapped[Decimal] = mapped_column(MONEY)
    #: [{line_id, category_id, period, amount}] in force from this version.
    lines: Mapped[list[dict[str, Any]]] = mapped_column(JSONB)


class LineChange(TenantScoped, Timestamped, Base):
    """One change of a line's amount: the plan's approval or an applied adjustment."""

    __tablename__ = "budgets_line_changes"
    __table_args__ = (
        tenant_fk("line_id", "budgets_lines.id", ondelete="CASCADE"),
        tenant_fk("adjustment_id", "budgets_adjustments.id"),
        Index("ix_budgets_line_changes_line", "tenant_id", "line_id", "created_at"),
    )

    line_id: Mapped[uuid.UUID]
    adjustment_id: Mapped[uuid.UUID | None]
    revision: Mapped[int] = mapped_column(Integer)
    before: Mapped[Decimal] = mapped_column(MONEY)
    after: Mapped[Decimal] = mapped_column(MONEY)
    reason: Mapped[str] = mapped_column(String(400))


class Expense(TenantScoped, Timestamped, Versioned, Base):
    """An expense request, advance or reimbursement against a budget line.

    ``pending``, ``committed`` and ``actual`` are what it uses of the line now (set by
    ``rules.usage`` on every change), so a line's use is their sum."""

    __tablename__ = "budgets_expenses"
    __table_args__ = (
        tenant_fk("line_id", "budgets_lines.id"),
        tenant_fk("advance_id", "budgets_expenses.id"),
        Index("ix_budgets_expenses_tenant_created", "tenant_id", "created_at", "id"),
        Index("ix_budgets_expenses_line", "tenant_id", "line_id"),
        CheckConstraint("amount > 0", name="amount_positive"),
        CheckConstraint("kind = 'reimbursement' OR advance_id IS NULL", name="advance_only_on_reimbursement"),
    )

    kind: Mapped[ExpenseKind] = mapped_column(_enum(ExpenseKind, "budgets_expense_kind"))
    status: Mapped[ExpenseStatus] = mapped_column(_enum(ExpenseStatus, "budgets_expense_status"))
    line_id: Mapped[uuid.UUID]
    advance_id: Mapped[uuid.UUID | None]
    title: Mapped[str] = mapped_column(String(200))
    amount: Mapped[Decimal] = mapped_column(MONEY)
    #: Of a reimbursement: the part its advance already holds as committed.
    covered: Mapped[Decimal] = mapped_column(MONEY, default=Decimal(0), server_default=text("0"))
    pending: Mapped[Decimal] = mapped_column(MONEY, default=Decimal(0), server_default=text("0"))
    committed: Mapped[Decimal] = mapped_column(MONEY, default=Decimal(0), server_default=text("0"))
    actual: Mapped[Decimal] = mapped_column(MONEY, default=Decimal(0), server_default=text("0"))
    over_budget: Mapped[bool] = mapped_column(Boolean, default=False, server_default=text("false"))
    #: The control check when filed: mode, scope, budget, committed, actual, requested, shortfall.
    control: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    warning: Mapped[str | None] = mapped_column(Text)
    spent_on: Mapped[date] = mapped_column(Date)
    paid_on: Mapped[date | None] = mapped_column(Date)
    author_id: Mapped[uuid.UUID | None]
    notes: Mapped[str | None] = mapped_column(Text)


class Adjustment(TenantScoped, Timestamped, Versioned, Base):
    """A transfer between two lines of a plan (调剂) or an increase of one (追加)."""

    __tablename__ = "budgets_adjustments"
    __table_args__ = (
        tenant_fk("plan_id", "budgets_plans.id"),
        tenant_fk("from_line_id", "budgets_lines.id"),
        tenant_fk("to_line_id", "budgets_lines.id"),
        Index("ix_budgets_adjustments_tenant_created", "tenant_id", "created_at", "id"),
        CheckConstraint("amount > 0", name="amount_positive"),
        CheckConstraint(
            "(kind = 'transfer' AND from_line_id IS NOT NULL) OR (kind = 'increase' AND from_line_id IS NULL)",
            name="source_matches_kind",
        ),
    )

    plan_id: Mapped[uuid.UUID]
    kind: Mapped[AdjustmentKind] = mapped_column(_enum(AdjustmentKind, "budgets_adjustment_kind"))
    status: Mapped[AdjustmentStatus] = mapped_column(_enum(AdjustmentStatus, "budgets_adjustment_status"))
    from_line_id: Mapped[uuid.UUID | None]
    to_line_id: Mapped[uuid.UUID]
    amount: Mapped[Decimal] = mapped_column(MONEY)
    reason: Mapped[str] = mapped_column(String(400))
    #: The plan version the adjustment made, once applied.
    revision: Mapped[int | None] = mapped_column(Integer)
    author_id: Mapped[uuid.UUID | None]
