"""The tickets list on the kernel list component: sort, count, groups, search, and bulk changes.

The list's SQL picks the page's ticket ids (keyset on the sort key and id, through
:func:`bizsuite.web.lists.fetch_page`: one paging implementation); the page's tickets are then
loaded as views (milestones, names) in that order.
"""

from __future__ import annotations

import re
import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import select

from bizsuite.core import clock
from bizsuite.core.context import Context
from bizsuite.core.errors import ConflictProblem, ValidationProblem
from bizsuite.core.identity.models import User
from bizsuite.core.identity.services import require_member
from bizsuite.modules.crm.models import TICKET_SEARCH_TEXT, Account, Ticket, TicketStatus
from bizsuite.modules.crm.tickets import rules
from bizsuite.modules.crm.tickets.schemas import (
    TicketBulk,
    TicketBulkAction,
    TicketBulkResult,
    TicketFilters,
    TicketUpdate,
)
from bizsuite.modules.crm.tickets.services.tickets import TicketView, _names, ticket_views, update_ticket
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

#: ``T-000123``, ``t123`` or ``123``: a search for a ticket's number.
_NUMBER = re.compile(r"^(?:T-?)?(\d{1,6})$", re.IGNORECASE)
#: The list's rows (one table; names are loaded with the page's views).
SOURCE = "crm_tickets"
#: Search anywhere in the title: the expression migration 0015's trigram index holds.
TITLE_SEARCH_TEXT = TICKET_SEARCH_TEXT
#: A milestone breached, or overdue on a ticket still being worked on (as the views show it;
#: the finished statuses are ``rules.FINISHED``).
_BREACHED = (
    "EXISTS (SELECT 1 FROM crm_ticket_milestones m WHERE m.tenant_id = crm_tickets.tenant_id"
    " AND m.ticket_id = crm_tickets.id AND (m.breached_at IS NOT NULL OR (m.met_at IS NULL"
    " AND m.due_at <= {} AND crm_tickets.status NOT IN ('resolved', 'closed'))))"
)

#: The tickets list, described once for the page, the API and the export.
TICKET_LIST = ListSpec(
    key="crm.tickets",
    path="/crm/tickets",
    columns=(
        ListColumn("number", N_("Number"), sort="number", sort_type=int),
        ListColumn("title", N_("Title"), sort="title"),
        ListColumn("account", N_("Account"), group="account_id"),
        ListColumn("category", N_("Category"), group="category"),
        ListColumn("priority", N_("Priority"), sort="priority", group="priority"),
        ListColumn("status", N_("Status"), sort="status", group="status"),
        ListColumn("assignee", N_("Assignee"), group="assignee_user_id"),
        ListColumn("sla", N_("SLA")),
        ListColumn("created_at", N_("Opened"), kind="datetime", sort="created_at", sort_type=datetime),
        ListColumn(
            "updated_at", N_("Updated"), kind="datetime", sort="updated_at", sort_type=datetime, default=False
        ),
    ),
    default_sort="-created_at",
    filters=("status", "category", "priority", "breached", "assignee_user_id", "account_id", "q"),
)


def ticket_conditions(ctx: Context, filters: TicketFilters, now: datetime) -> SqlWhere:
    """The filters as SQL conditions on ``crm_tickets`` (search: the title containing ``q`` in
    any case, or the ticket's number)."""
    where = SqlWhere(ctx.tenant_id)
    for name, value in (
        ("status", filters.status),
        ("category", filters.category),
        ("priority", filters.priority),
        ("assignee_user_id", filters.assignee_user_id),
        ("account_id", filters.account_id),
    ):
        if value is not None:
            where.where(f"{name} = {{}}", value)
    if filters.breached is not None:
        where.where(_BREACHED if filters.breached else f"NOT {_BREACHED}", now)
    text = (filters.q or "").replace("\x00", "").strip()
    if text:
        found = _NUMBER.match(text)
        if found:
            where.where(
                f"({TITLE_SEARCH_TEXT} LIKE {{}} OR number = {{}})", contains_pattern(text), int(found[1])
            )
        else:
            where.where(f"{TITLE_SEARCH_TEXT} LIKE {{}}", contains_pattern(text))
    return where


async def ticket_list(
    ctx: Context,
    filters: TicketFilters,
    state: ListState,
    *,
    limit: int,
    count: bool = False,
    now: datetime | None = None,
) -> tuple[ListPage[TicketView], int | None]:
    """A page of tickets in the state's order, as views, with the total when ``count`` is asked."""
    now = now or clock.now(ctx)
    where = ticket_conditions(ctx, filters, now)
    ids = await fetch_page(
        ctx, TICKET_LIST, state, select="id", source=SOURCE, where=where, row=lambda r: r[0], limit=limit
    )
    rows = {t.id: t for t in await ctx.session.scalars(select(Ticket).where(Ticket.id.in_(ids.items)))}
    views = await ticket_views(ctx, [rows[i] for i in ids.items if i in rows], now=now)
    total = await count_rows(ctx, source=SOURCE, where=where) if count else None
    return ListPage(views, ids.next_cursor, ids.previous_cursor, ids.at), total


async def ticket_groups(
    ctx: Context, filters: TicketFilters, state: ListState, *, now: datetime | None = None
) -> list[GroupTotal]:
    """The grouped list's groups: how many tickets each holds, all pages."""
    where = ticket_conditions(ctx, filters, now or clock.now(ctx))
    return await group_totals(ctx, TICKET_LIST, state, source=SOURCE, where=where, sums={})


async def bulk_change_tickets(
    ctx: Context, data: TicketBulk, *, now: datetime | None = None
) -> TicketBulkResult:
    """Assign several tickets or change their priority, all or nothing: an id that is not one of
    the tenant's tickets refuses the whole change (422 naming ``ids``), so does a closed ticket
    (409). Each ticket goes through :func:`update_ticket` (history, audit, and the SLA policy
    matched again on a new priority); tickets already as asked are left alone."""
    if data.action is TicketBulkAction.ASSIGN:
        if data.assignee_user_id is None:
            raise ValidationProblem.for_field("assignee_user_id", "required to assign tickets")
        await require_member(ctx, data.assignee_user_id, field="assignee_user_id")
    elif data.priority is None:
        raise ValidationProblem.for_field("priority", "required to change the priority")
    wanted = set(data.ids)
    rows = (
        await ctx.session.scalars(select(Ticket).where(Ticket.id.in_(wanted)).order_by(Ticket.number))
    ).all()
    missing = wanted - {row.id for row in rows}
    if missing:
        raise ValidationProblem.for_field("ids", f"{len(missing)} of the ids are not tickets of this tenant")
    closed = [rules.ticket_number(row.number) for row in rows if row.status is TicketStatus.CLOSED]
    if closed:
        raise ConflictProblem.for_field("ids", f"closed tickets cannot change: {', '.join(closed)}")
    changed = 0
    for ticket in rows:
        change: dict[str, Any]
        if data.action is TicketBulkAction.ASSIGN:
            if ticket.assignee_user_id == data.assignee_user_id:
                continue
            change = {"assignee_user_id": data.assignee_user_id}
        else:
            if ticket.priority is data.priority:
                continue
            change = {"priority": data.priority}
        await update_ticket(ctx, ticket.id, TicketUpdate(**change), str(ticket.version), now=now)
        changed += 1
    return TicketBulkResult(changed=changed, unchanged=len(rows) - changed)


async def group_names(ctx: Context, state: ListState, groups: list[GroupTotal]) -> dict[uuid.UUID, str]:
    """The names of a grouped list's account or assignee groups."""
    model = {"account": Account, "assignee": User}.get(state.group or "")
    if model is None:
        return {}
    return await _names(ctx, model, [uuid.UUID(g.value) for g in groups if g.value])


async def list_tickets(
    ctx: Context,
    filters: TicketFilters | None = None,
    *,
    limit: int,
    cursor: str | None,
    now: datetime | None = None,
) -> tuple[list[TicketView], str | None]:
    """A page of tickets, newest first, as views (the default order of :func:`ticket_list`)."""
    state = list_state(TICKET_LIST, {"cursor": cursor} if cursor else {})
    page, _total = await ticket_list(ctx, filters or TicketFilters(), state, limit=limit, now=now)
    return page.items, page.next_cursor
