"""The opportunities (deals) list on the kernel list component: sort, count, groups with amount and
weighted amount subtotals, search, and handing deals to another owner in bulk.

The list's SQL picks the page's opportunity ids (keyset on the sort key and id, through
:func:`bizsuite.web.lists.fetch_page`: one paging implementation); the page's opportunities are
then loaded as views (stage, names) in that order.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal

from sqlalchemy import select

from bizsuite.core.context import Context
from bizsuite.core.errors import ValidationProblem
from bizsuite.core.identity.services import require_member
from bizsuite.core.repository import fetch
from bizsuite.modules.crm.models import ACCOUNT_SEARCH_TEXT, OPPORTUNITY_SEARCH_TEXT, Account, Opportunity
from bizsuite.modules.crm.pipeline.schemas import (
    OpportunityBulk,
    OpportunityBulkResult,
    OpportunityFilters,
    OpportunityUpdate,
)
from bizsuite.modules.crm.pipeline.services.opportunities import (
    OpportunityView,
    _check_may_move_or_delete,
    _view,
    _views,
    update_opportunity,
)
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

#: One row per opportunity with its stage's probability, order and kind, and its weighted amount
#: (``round(amount × probability / 100, 2)``: half away from zero, as ``rules.weighted_value``).
SOURCE = (
    "(SELECT o.*, s.probability AS stage_probability, s.position AS stage_position,"
    " s.kind::text AS stage_kind, round(o.amount * s.probability / 100.0, 2) AS weighted_amount"
    " FROM crm_opportunities o JOIN crm_pipeline_stages s"
    " ON s.tenant_id = o.tenant_id AND s.id = o.stage_id) AS deals"
)
#: Search anywhere in the name: the expression migration 0015's trigram index holds.
NAME_SEARCH_TEXT = OPPORTUNITY_SEARCH_TEXT
_SEARCH_CONDITION = " ".join(
    (
        "(",
        NAME_SEARCH_TEXT,
        "LIKE {0} OR account_id IN (SELECT id FROM crm_accounts WHERE tenant_id = $1 AND",
        ACCOUNT_SEARCH_TEXT,
        "LIKE {0}))",
    )
)
#: A stage group's value: its position (so groups come in pipeline order), then its id.
STAGE_GROUP = "lpad(stage_position::text, 6, '0') || ' ' || stage_id::text"

#: The opportunities list, described once for the page, the API and the export.
OPPORTUNITY_LIST = ListSpec(
    key="crm.opportunities",
    path="/crm/pipeline/opportunities",
    columns=(
        ListColumn("name", N_("Opportunity"), sort="name"),
        ListColumn("account", N_("Account")),
        ListColumn("stage", N_("Stage"), group=STAGE_GROUP),
        ListColumn("amount", N_("Amount"), kind="money", sort="amount", sort_type=Decimal),
        ListColumn(
            "weighted_amount",
            N_("Expected value"),
            kind="money",
            sort="weighted_amount",
            sort_type=Decimal,
        ),
        ListColumn("probability", N_("Win probability (0–100)"), kind="int", default=False),
        ListColumn("owner", N_("Owner"), group="owner_user_id"),
        ListColumn("expected_close", N_("Expected close"), kind="date"),
        ListColumn(
            "created_at", N_("Created"), kind="datetime", sort="created_at", sort_type=datetime, default=False
        ),
    ),
    default_sort="-created_at",
    filters=("stage_id", "owner_user_id", "status", "account_id", "q"),
)


def opportunity_conditions(ctx: Context, filters: OpportunityFilters) -> SqlWhere:
    """The filters as SQL conditions on the list's rows (search: the opportunity's name, or its
    account's code, name or phone, containing ``q`` in any case)."""
    where = SqlWhere(ctx.tenant_id)
    for name, value in (
        ("stage_id", filters.stage_id),
        ("account_id", filters.account_id),
        ("owner_user_id", filters.owner_user_id),
        ("stage_kind", filters.status.value if filters.status is not None else None),
    ):
        if value is not None:
            where.where(f"{name} = {{}}", value)
    text = (filters.q or "").replace("\x00", "").strip()
    if text:
        where.where(_SEARCH_CONDITION, contains_pattern(text))
    return where


async def opportunity_list(
    ctx: Context, filters: OpportunityFilters, state: ListState, *, limit: int, count: bool = False
) -> tuple[ListPage[OpportunityView], int | None]:
    """A page of opportunities in the state's order, as views, with the total when ``count``."""
    where = opportunity_conditions(ctx, filters)
    ids = await fetch_page(
        ctx, OPPORTUNITY_LIST, state, select="id", source=SOURCE, where=where, row=lambda r: r[0], limit=limit
    )
    rows = (await ctx.session.execute(_views().where(Opportunity.id.in_(ids.items)))).all()
    views = {row[0].id: _view(row) for row in rows}
    total = await count_rows(ctx, source=SOURCE, where=where) if count else None
    items = [views[i] for i in ids.items if i in views]
    return ListPage(items, ids.next_cursor, ids.previous_cursor, ids.at), total


async def opportunity_groups(ctx: Context, filters: OpportunityFilters, state: ListState) -> list[GroupTotal]:
    """The grouped list's groups: how many opportunities, and the sums of their amounts and
    weighted amounts in the tenant's currency (others are counted, not summed, as on the board)."""
    where = opportunity_conditions(ctx, filters).copy()
    currency = where.bind(ctx.tenant.currency)
    in_currency = f"currency = {currency}::varchar"
    sums = {
        "amount": f"CASE WHEN {in_currency} THEN amount END",
        "weighted_amount": f"CASE WHEN {in_currency} THEN weighted_amount END",
    }
    return await group_totals(ctx, OPPORTUNITY_LIST, state, source=SOURCE, where=where, sums=sums)


async def list_opportunities(
    ctx: Context, filters: OpportunityFilters, *, limit: int, cursor: str | None
) -> tuple[list[OpportunityView], str | None]:
    """Return a page of opportunities, newest first (the default order of :func:`opportunity_list`)."""
    state = list_state(OPPORTUNITY_LIST, {"cursor": cursor} if cursor else {})
    page, _total = await opportunity_list(ctx, filters, state, limit=limit)
    return page.items, page.next_cursor


async def account_opportunities(
    ctx: Context, account_id: uuid.UUID, *, limit: int = 20
) -> tuple[Account, list[OpportunityView]]:
    """An account (404 if not the tenant's) and its newest opportunities."""
    account = await fetch(ctx.session, Account, account_id, what="account")
    views, _ = await list_opportunities(
        ctx, OpportunityFilters(account_id=account.id), limit=limit, cursor=None
    )
    return account, views


async def bulk_assign_opportunities(ctx: Context, data: OpportunityBulk) -> OpportunityBulkResult:
    """Hand several opportunities to one owner, all or nothing: an id that is not one of the
    tenant's opportunities refuses the whole change (422 naming ``ids``), so does one the caller
    may not change (403: only the owner, a manager or an admin changes a deal). Each goes through
    :func:`update_opportunity` (audit); those already the owner's are left alone."""
    await require_member(ctx, data.owner_user_id, field="owner_user_id")
    wanted = set(data.ids)
    rows = (
        await ctx.session.scalars(
            select(Opportunity).where(Opportunity.id.in_(wanted)).order_by(Opportunity.id)
        )
    ).all()
    missing = wanted - {row.id for row in rows}
    if missing:
        raise ValidationProblem.for_field(
            "ids", f"{len(missing)} of the ids are not opportunities of this tenant"
        )
    for opportunity in rows:
        if opportunity.owner_user_id != data.owner_user_id:
            _check_may_move_or_delete(ctx, opportunity)
    changed = 0
    for opportunity in rows:
        if opportunity.owner_user_id == data.owner_user_id:
            continue
        await update_opportunity(
            ctx, opportunity.id, OpportunityUpdate(owner_user_id=data.owner_user_id), str(opportunity.version)
        )
        changed += 1
    return OpportunityBulkResult(changed=changed, unchanged=len(rows) - changed)


def stage_of_group(value: str) -> uuid.UUID | None:
    """The stage id of a stage group's value (``000002 <id>``)."""
    _position, _space, stage_id = value.partition(" ")
    try:
        return uuid.UUID(stage_id)
    except ValueError:
        return None
