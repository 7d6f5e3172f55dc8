"""The budgets records that carry the kernel's chatter and activities: plans, lines and expenses.

Each is declared once (``RecordType``): its table (as the audit log names it), its page, how to
read its name, and the fields whose changes the chatter shows, with their labels."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from enum import StrEnum
from typing import TypeVar

from sqlalchemy import select

from bizsuite.core.context import Context
from bizsuite.core.errors import NotFoundProblem
from bizsuite.kit import RecordInfo, RecordType
from bizsuite.modules.budgets.models import BudgetLine, Category, Expense, Plan
from bizsuite.modules.budgets.pages import EXPENSE_STATUS_LABELS, KIND_LABELS, PLAN_STATUS_LABELS
from bizsuite.web.i18n import N_

E = TypeVar("E", bound=StrEnum)


async def _plan(ctx: Context, plan_id: uuid.UUID) -> RecordInfo:
    title = await ctx.session.scalar(select(Plan.title).where(Plan.id == plan_id))
    if title is None:
        raise NotFoundProblem(f"No plan with id {plan_id}.")
    return RecordInfo(label=title, followers=())


async def _line(ctx: Context, line_id: uuid.UUID) -> RecordInfo:
    row = (
        await ctx.session.execute(
            select(Category.code, Category.name, BudgetLine.period)
            .join(Category, Category.id == BudgetLine.category_id)
            .where(BudgetLine.id == line_id)
        )
    ).first()
    if row is None:
        raise NotFoundProblem(f"No budget line with id {line_id}.")
    return RecordInfo(label=f"{row.code} {row.name} {row.period}", followers=())


async def _expense(ctx: Context, expense_id: uuid.UUID) -> RecordInfo:
    title = await ctx.session.scalar(select(Expense.title).where(Expense.id == expense_id))
    if title is None:
        raise NotFoundProblem(f"No expense with id {expense_id}.")
    return RecordInfo(label=title, followers=())


def _by_value(labels: Mapping[E, str]) -> dict[str, str]:
    return {key.value: label for key, label in labels.items()}


RECORD_TYPES = [
    RecordType(
        "budgets_plans",
        "/budgets/plans/{id}",
        _plan,
        tracked={
            "title": N_("Title"),
            "status": N_("Status"),
            "revision": N_("Version"),
            "notes": N_("Notes"),
        },
        choices={"status": _by_value(PLAN_STATUS_LABELS)},
    ),
    RecordType(
        "budgets_lines",
        "/budgets/lines/{id}",
        _line,
        tracked={
            "amount": N_("Budget"),
            "formula": N_("How it was computed"),
            "explanation": N_("Explanation"),
        },
    ),
    RecordType(
        "budgets_expenses",
        "/budgets/expenses/{id}",
        _expense,
        tracked={"title": N_("Title"), "status": N_("Status"), "amount": N_("Amount"), "kind": N_("Kind")},
        choices={"status": _by_value(EXPENSE_STATUS_LABELS), "kind": _by_value(KIND_LABELS)},
    ),
]
