"""Categories (费用类别): a tree per tenant, each with its ratio of forecast sales, its control
mode (hard, soft, warn, off) and whether it is checked per period, cumulatively or both."""

from __future__ import annotations

import uuid
from decimal import Decimal

import msgspec
from sqlalchemy import select

from bizsuite.core.context import Context, snapshot
from bizsuite.core.errors import ConflictProblem, ValidationProblem
from bizsuite.core.repository import check_version, fetch, fetch_reference
from bizsuite.modules.budgets.models import Category
from bizsuite.modules.budgets.schemas import (
    BudgetCategoryCreate,
    BudgetCategoryUpdate,
    BudgetCategoryView,
)
from bizsuite.modules.budgets.services.common import check_percent


def _tree(rows: list[Category]) -> list[tuple[Category, int]]:
    """Rows in tree order (parents first, siblings by position then code) with their depth."""
    children: dict[uuid.UUID | None, list[Category]] = {}
    ids = {r.id for r in rows}
    for row in rows:
        children.setdefault(row.parent_id if row.parent_id in ids else None, []).append(row)
    out: list[tuple[Category, int]] = []

    def walk(parent: uuid.UUID | None, depth: int) -> None:
        for row in sorted(children.get(parent, []), key=lambda r: (r.position, r.code)):
            out.append((row, depth))
            walk(row.id, depth + 1)

    walk(None, 0)
    return out


def category_view(row: Category, depth: int = 0) -> BudgetCategoryView:
    """A category row as its view."""
    return BudgetCategoryView(
        id=row.id,
        code=row.code,
        name=row.name,
        parent_id=row.parent_id,
        depth=depth,
        ratio=row.ratio,
        control_mode=row.control_mode,
        check_scope=row.check_scope,
        approval_category=row.approval_category,
        position=row.position,
        notes=row.notes,
        created_at=row.created_at,
        updated_at=row.updated_at,
        version=row.version,
    )


async def list_categories(ctx: Context) -> list[BudgetCategoryView]:
    """Every category in tree order."""
    rows = list(await ctx.session.scalars(select(Category)))
    return [category_view(row, depth) for row, depth in _tree(rows)]


async def category_row(ctx: Context, category_id: uuid.UUID) -> Category:
    """The category, or 404."""
    return await fetch(ctx.session, Category, category_id, what="category")


async def get_category(ctx: Context, category_id: uuid.UUID) -> BudgetCategoryView:
    """One category, or 404."""
    depths = {v.id: v.depth for v in await list_categories(ctx)}
    row = await category_row(ctx, category_id)
    return category_view(row, depths.get(row.id, 0))


def _ratio(value: Decimal | None) -> Decimal | None:
    if value is None:
        return None
    check_percent("ratio", value)
    if not 0 <= value <= 100:
        raise ValidationProblem.for_field("ratio", "must be between 0 and 100 (percent of sales)")
    return value


async def _code_free(ctx: Context, code: str, other_than: uuid.UUID | None = None) -> None:
    statement = select(Category.id).where(Category.code == code)
    if other_than is not None:
        statement = statement.where(Category.id != other_than)
    if await ctx.session.scalar(statement) is not None:
        raise ConflictProblem.for_field("code", "a category with this code already exists")


async def create_category(ctx: Context, data: BudgetCategoryCreate) -> BudgetCategoryView:
    """Add a category (under ``parent_id``); a code already used is 409 naming ``code``."""
    code = data.code.strip().upper()
    await _code_free(ctx, code)
    if data.parent_id is not None:
        await fetch_reference(ctx.session, Category, data.parent_id, field="parent_id")
    row = Category(
        code=code,
        name=data.name,
        parent_id=data.parent_id,
        ratio=_ratio(data.ratio),
        control_mode=data.control_mode,
        check_scope=data.check_scope,
        approval_category=data.approval_category,
        position=data.position,
        notes=data.notes,
    )
    ctx.session.add(row)
    await ctx.session.flush()
    ctx.audit("budgets.category.created", row, after=snapshot(row))
    return await get_category(ctx, row.id)


async def update_category(
    ctx: Context, category_id: uuid.UUID, data: BudgetCategoryUpdate, if_match: str | None
) -> BudgetCategoryView:
    """Change a category (``If-Match``); a parent that would make a loop is 422."""
    row = await category_row(ctx, category_id)
    check_version(row, if_match)
    before = snapshot(row)
    if not isinstance(data.code, msgspec.UnsetType):
        code = data.code.strip().upper()
        await _code_free(ctx, code, row.id)
        row.code = code
    if not isinstance(data.parent_id, msgspec.UnsetType):
        if data.parent_id is not None:
            await fetch_reference(ctx.session, Category, data.parent_id, field="parent_id")
            parents = dict((await ctx.session.execute(select(Category.id, Category.parent_id))).all())
            cursor: uuid.UUID | None = data.parent_id
            while cursor is not None:
                if cursor == row.id:
                    raise ValidationProblem.for_field("parent_id", "a category cannot sit under itself")
                cursor = parents.get(cursor)
        row.parent_id = data.parent_id
    if not isinstance(data.ratio, msgspec.UnsetType):
        row.ratio = _ratio(data.ratio)
    for name in ("name", "control_mode", "check_scope", "approval_category", "position", "notes"):
        value = getattr(data, name)
        if not isinstance(value, msgspec.UnsetType):
            setattr(row, name, value)
    await ctx.session.flush()
    ctx.audit("budgets.category.updated", row, before=before, after=snapshot(row))
    return await get_category(ctx, row.id)


async def approval_category(ctx: Context, category: Category) -> str | None:
    """The approval category of a category's expenses: its own, else its nearest parent's."""
    rows = {r.id: r for r in await ctx.session.scalars(select(Category))}
    cursor: Category | None = category
    while cursor is not None:
        if cursor.approval_category:
            return cursor.approval_category
        cursor = rows.get(cursor.parent_id) if cursor.parent_id else None
    return None
