"""A ticket's history, and the ticket entries of the account timeline."""

from __future__ import annotations

import uuid

from sqlalchemy import select, tuple_

from bizsuite.core.context import Context
from bizsuite.core.repository import list_page
from bizsuite.modules.crm.accounts.rules import TimelineKey
from bizsuite.modules.crm.accounts.schemas import TimelineEvent
from bizsuite.modules.crm.models import Ticket, TicketEvent, TicketMilestone
from bizsuite.modules.crm.tickets import rules
from bizsuite.modules.crm.tickets.schemas import TicketEventOut
from bizsuite.modules.crm.tickets.services.tickets import ticket_row


def event_view(event: TicketEvent, milestone_names: dict[str, str] | None = None) -> TicketEventOut:
    """An entry of a ticket's history (what the API sends and the page shows); a milestone is
    named as its policy names it (``milestone_names``: key -> name)."""
    key = event.milestone_key
    return TicketEventOut(
        id=event.id,
        kind=event.kind,
        from_status=event.from_status,
        to_status=event.to_status,
        milestone_key=key,
        milestone_name=(milestone_names or {}).get(key, key) if key else None,
        from_value=event.from_value,
        to_value=event.to_value,
        note=event.note,
        actor_label=event.actor_label,
        occurred_at=event.occurred_at,
    )


async def list_ticket_events(
    ctx: Context, ticket_id: uuid.UUID, *, limit: int, cursor: str | None
) -> tuple[list[TicketEventOut], str | None]:
    """A ticket's history, oldest first (404 for another tenant's ticket)."""
    ticket = await ticket_row(ctx, ticket_id)
    rows, next_cursor = await list_page(
        ctx.session,
        select(TicketEvent).where(TicketEvent.ticket_id == ticket.id),
        TicketEvent,
        limit=limit,
        cursor=cursor,
    )
    found = await ctx.session.execute(
        select(TicketMilestone.key, TicketMilestone.name).where(TicketMilestone.ticket_id == ticket.id)
    )
    names = {row.key: row.name for row in found}
    return [event_view(e, names) for e in rows], next_cursor


async def ticket_timeline_events(
    ctx: Context, account_id: uuid.UUID, before: TimelineKey | None, fetch_count: int
) -> list[tuple[TimelineKey, TimelineEvent]]:
    """The account timeline's ticket entries (``ticket``): each ticket when it was opened, with its
    number, title, category and current status; at most ``fetch_count`` up to ``before``."""
    statement = select(
        Ticket.id,
        Ticket.created_at,
        Ticket.number,
        Ticket.title,
        Ticket.category,
        Ticket.status,
        Ticket.created_by,
    ).where(Ticket.account_id == account_id)
    if before is not None:
        statement = statement.where(tuple_(Ticket.created_at, Ticket.id) <= tuple_(before[0], before[1]))
    rows = await ctx.session.execute(
        statement.order_by(Ticket.created_at.desc(), Ticket.id.desc()).limit(fetch_count)
    )
    return [
        (
            (row.created_at, row.id, "ticket"),
            TimelineEvent(
                kind="ticket",
                source_id=row.id,
                occurred_at=row.created_at,
                title=f"{rules.ticket_number(row.number)} {row.title}",
                detail=f"{row.category.value} · {row.status.value}",
                actor=row.created_by,
            ),
        )
        for row in rows
    ]
