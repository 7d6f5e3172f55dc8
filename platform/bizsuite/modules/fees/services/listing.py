"""The statements list on the kernel list component (``web/lists.py``): sortable columns, the
count, previous and next pages, groups by subsidiary, status or period with subtotals of the
total, paid and outstanding, saved views and the export of the view. Subsidiary staff's rows are
only their own subsidiary's.

The list's SQL picks the page's statement ids (keyset on the sort key and id); the page's
statements are then loaded as views in that order (one paging implementation)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import select

from bizsuite.core.context import Context
from bizsuite.kit import SearchHit
from bizsuite.modules.fees.models import Statement
from bizsuite.modules.fees.schemas import FeeStatementFilters, FeeStatementView
from bizsuite.modules.fees.services.common import visible_units
from bizsuite.modules.fees.services.statements import views
from bizsuite.web.i18n import N_
from bizsuite.web.lists import (
    GroupTotal,
    ListColumn,
    ListPage,
    ListSpec,
    ListState,
    SqlWhere,
    contains_pattern,
    count_rows,
    fetch_page,
    group_totals,
    list_state,
)

#: One row per statement with its subsidiary's name, its period key and the money paid against it.
SOURCE = (
    "(SELECT s.*, COALESCE(u.name, '') AS org_unit_name, s.year * 10 + s.quarter AS period_key,"
    " s.year::text || '-Q' || s.quarter::text AS period,"
    " COALESCE((SELECT sum(p.amount) FROM fees_payments p WHERE p.tenant_id = s.tenant_id"
    " AND p.statement_id = s.id), 0) AS paid,"
    " CASE WHEN s.status = 'issued' THEN s.total - COALESCE((SELECT sum(p.amount) FROM fees_payments p"
    " WHERE p.tenant_id = s.tenant_id AND p.statement_id = s.id), 0) ELSE 0 END AS outstanding"
    " FROM fees_statements s"
    " LEFT JOIN org_units u ON u.tenant_id = s.tenant_id AND u.id = s.org_unit_id) AS statements"
)
SEARCH_TEXT = "lower(number || ' ' || org_unit_name)"

STATEMENT_LIST = ListSpec(
    key="fees.statements",
    path="/fees/statements",
    columns=(
        ListColumn("number", N_("Number"), sort="number"),
        ListColumn("org_unit", N_("Subsidiary"), sort="org_unit_name", group="org_unit_id"),
        ListColumn("period", N_("Period"), sort="period_key", sort_type=int, group="period"),
        ListColumn("status", N_("Status"), group="status"),
        ListColumn("total", N_("Total"), kind="money", sort="total", sort_type=Decimal),
        ListColumn("paid", N_("Paid"), kind="money", sort="paid", sort_type=Decimal),
        ListColumn("outstanding", N_("Outstanding"), kind="money", sort="outstanding", sort_type=Decimal),
        ListColumn("issued_on", N_("Issued on"), kind="date", default=False),
        ListColumn("due_on", N_("Due on"), kind="date", default=False),
        ListColumn(
            "created_at", N_("Created"), kind="datetime", sort="created_at", sort_type=datetime, default=False
        ),
    ),
    default_sort="-created_at",
    filters=("q", "org_unit_id", "year", "quarter", "status"),
)


async def statement_conditions(ctx: Context, filters: FeeStatementFilters) -> SqlWhere:
    """The filters (and the person's subsidiaries) as SQL conditions on the list's rows."""
    where = SqlWhere(ctx.tenant_id)
    units = await visible_units(ctx)
    if units is not None:
        where.where("org_unit_id = ANY({})", sorted(units))
    if filters.org_unit_id is not None:
        where.where("org_unit_id = {}", filters.org_unit_id)
    if filters.year is not None:
        where.where("year = {}", filters.year)
    if filters.quarter is not None:
        where.where("quarter = {}", filters.quarter)
    if filters.status is not None:
        where.where("status::text = {}", filters.status.value)
    text = (filters.q or "").replace("\x00", "").strip()
    if text:
        where.where(f"{SEARCH_TEXT} LIKE {{}}", contains_pattern(text))
    return where


async def statement_list(
    ctx: Context, filters: FeeStatementFilters, state: ListState, *, limit: int, count: bool = False
) -> tuple[ListPage[FeeStatementView], int | None]:
    """A page of statements in the state's order, as views, with the total when ``count``."""
    where = await statement_conditions(ctx, filters)
    ids = await fetch_page(
        ctx, STATEMENT_LIST, state, select="id", source=SOURCE, where=where, row=lambda r: r[0], limit=limit
    )
    rows = list((await ctx.session.scalars(select(Statement).where(Statement.id.in_(ids.items)))).all())
    by_id = {v.id: v for v in await views(ctx, rows)}
    total = await count_rows(ctx, source=SOURCE, where=where) if count else None
    items = [by_id[i] for i in ids.items if i in by_id]
    return ListPage(items, ids.next_cursor, ids.previous_cursor, ids.at), total


async def statement_groups(ctx: Context, filters: FeeStatementFilters, state: ListState) -> list[GroupTotal]:
    """The grouped list's groups: how many statements, and the sums of total, paid and outstanding."""
    where = (await statement_conditions(ctx, filters)).copy()
    sums = {"total": "total", "paid": "paid", "outstanding": "outstanding"}
    return await group_totals(ctx, STATEMENT_LIST, state, source=SOURCE, where=where, sums=sums)


async def list_statements(
    ctx: Context, filters: FeeStatementFilters, *, limit: int, cursor: str | None
) -> tuple[list[FeeStatementView], str | None]:
    """A page of statements, newest first (the default order of :func:`statement_list`)."""
    state = list_state(STATEMENT_LIST, {"cursor": cursor} if cursor else {}, strict=True)
    page, _total = await statement_list(ctx, filters, state, limit=limit)
    return page.items, page.next_cursor


async def search_statements(ctx: Context, text: str, limit: int) -> list[SearchHit]:
    """The global search's fee statement hits: the statements list's search (``text`` anywhere in
    the number or the subsidiary's name, any case), newest first, of the subsidiaries the person
    sees only."""
    found = await fetch_page(
        ctx,
        STATEMENT_LIST,
        list_state(STATEMENT_LIST, {}),
        select="id, number, org_unit_name, period",
        source=SOURCE,
        where=await statement_conditions(ctx, FeeStatementFilters(q=text)),
        row=lambda r: SearchHit(
            title=r[1], href=f"/fees/statements/{r[0]}", detail=" · ".join(p for p in (r[2], r[3]) if p)
        ),
        limit=limit,
    )
    return found.items
