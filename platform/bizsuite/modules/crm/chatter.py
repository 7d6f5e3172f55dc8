"""The CRM records that carry the kernel's chatter and activities: accounts, tickets and deals.

Each is declared once (``RecordType``): its table (as the audit log names it), its page, how to
read its name and default followers (its owner or assignee), and the fields whose changes the
chatter shows, with their labels. A label or choice written ``"context\\x04msgid"`` is
translated with that message context (``pgettext``).
"""

from __future__ import annotations

import uuid

from sqlalchemy import select

from bizsuite.core.context import Context
from bizsuite.core.errors import NotFoundProblem
from bizsuite.kit import RecordInfo, RecordType
from bizsuite.modules.crm.accounts.pages import KIND_LABELS, STATUS_LABELS
from bizsuite.modules.crm.models import Account, Opportunity, Ticket, TicketStatus
from bizsuite.modules.crm.tickets.pages import CATEGORY_LABELS, PRIORITY_LABELS
from bizsuite.modules.crm.tickets.rules import ticket_number
from bizsuite.web.i18n import N_

TICKET_STATUS = "ticket status\x04"
TICKET_STATUS_LABELS = {
    TicketStatus.OPEN.value: TICKET_STATUS + "Open",
    TicketStatus.IN_PROGRESS.value: TICKET_STATUS + "In progress",
    TicketStatus.WAITING.value: TICKET_STATUS + "Waiting",
    TicketStatus.RESOLVED.value: TICKET_STATUS + "Resolved",
    TicketStatus.CLOSED.value: TICKET_STATUS + "Closed",
}


async def _account(ctx: Context, account_id: uuid.UUID) -> RecordInfo:
    row = (
        await ctx.session.execute(select(Account.name, Account.owner_user_id).where(Account.id == account_id))
    ).first()
    if row is None:
        raise NotFoundProblem(f"No account with id {account_id}.")
    return RecordInfo(label=row.name, followers=tuple(u for u in (row.owner_user_id,) if u))


async def _ticket(ctx: Context, ticket_id: uuid.UUID) -> RecordInfo:
    row = (
        await ctx.session.execute(
            select(Ticket.number, Ticket.title, Ticket.assignee_user_id).where(Ticket.id == ticket_id)
        )
    ).first()
    if row is None:
        raise NotFoundProblem(f"No ticket with id {ticket_id}.")
    return RecordInfo(
        label=f"{ticket_number(row.number)} {row.title}",
        followers=tuple(u for u in (row.assignee_user_id,) if u),
    )


async def _opportunity(ctx: Context, opportunity_id: uuid.UUID) -> RecordInfo:
    row = (
        await ctx.session.execute(
            select(Opportunity.name, Opportunity.owner_user_id).where(Opportunity.id == opportunity_id)
        )
    ).first()
    if row is None:
        raise NotFoundProblem(f"No deal with id {opportunity_id}.")
    return RecordInfo(label=row.name, followers=tuple(u for u in (row.owner_user_id,) if u))


RECORD_TYPES = [
    RecordType(
        "crm_accounts",
        "/crm/accounts/{id}",
        _account,
        tracked={
            "name": N_("Name"),
            "code": N_("Code"),
            "kind": N_("Kind"),
            "status": N_("Status"),
            "owner_user_id": N_("Account owner"),
            "industry": N_("Industry"),
            "phone": N_("Phone"),
            "email": N_("Email"),
            "address": N_("Address"),
        },
        choices={"kind": KIND_LABELS, "status": STATUS_LABELS},
    ),
    RecordType(
        "crm_tickets",
        "/crm/tickets/{id}",
        _ticket,
        tracked={
            "title": N_("Title"),
            "status": N_("Status"),
            "priority": N_("Priority"),
            "category": N_("Category"),
            "assignee_user_id": N_("Assignee"),
        },
        choices={"status": TICKET_STATUS_LABELS, "priority": PRIORITY_LABELS, "category": CATEGORY_LABELS},
    ),
    RecordType(
        "crm_opportunities",
        "/crm/pipeline/opportunities/{id}",
        _opportunity,
        tracked={
            "name": N_("Name"),
            "amount": N_("Amount"),
            "owner_user_id": N_("Owner"),
            "expected_close": N_("Expected close"),
        },
    ),
]
