"""Service tickets (工单): opening (numbered, policy matched, routed), changes, status, milestones
and closing. Every service returns :class:`TicketView`: the ticket with its milestones' states and
the names the pages and the API show, loaded in batch."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import msgspec
from sqlalchemy import ColumnElement, and_, func, or_, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from bizsuite.core import clock
from bizsuite.core.context import Context, snapshot
from bizsuite.core.errors import ConflictProblem, NotFoundProblem, ValidationProblem
from bizsuite.core.identity.models import User
from bizsuite.core.identity.services import require_member
from bizsuite.core.repository import check_version, fetch, fetch_reference
from bizsuite.core.webhooks.services import emit_event
from bizsuite.kit import SearchHit
from bizsuite.modules.crm.models import (
    Account,
    Contact,
    SlaPolicy,
    Ticket,
    TicketCategory,
    TicketEvent,
    TicketEventKind,
    TicketMilestone,
    TicketStatus,
    Zone,
)
from bizsuite.modules.crm.settings import CRM_SETTINGS
from bizsuite.modules.crm.tickets import rules
from bizsuite.modules.crm.tickets.schemas import (
    MilestoneCompletion,
    TicketClose,
    TicketCreate,
    TicketStatusChange,
    TicketUpdate,
)
from bizsuite.modules.crm.tickets.services._shared import actor_name
from bizsuite.modules.crm.tickets.services.clock import (
    MilestoneView,
    mark_breaches,
    milestone_clocks,
    milestone_views,
    refresh_due_times,
    tenant_clock,
    ticket_milestones,
    ticket_pauses,
)
from bizsuite.modules.crm.tickets.services.policies import matching_policy, policy_milestones

_LIKE_ESCAPE = str.maketrans({"/": "//", "%": "/%", "_": "/_"})
_NUMBER = re.compile(r"^(T-?)?(\d{1,6})$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class TicketView:
    """A ticket with its milestones' states and the names shown with it."""

    ticket: Ticket
    milestones: list[MilestoneView]
    account_name: str
    assignee_name: str | None
    policy_name: str | None

    @property
    def number(self) -> str:
        """``T-000123``."""
        return rules.ticket_number(self.ticket.number)

    @property
    def breached(self) -> bool:
        """Whether any milestone is breached."""
        return any(v.state is rules.MilestoneState.BREACHED for v in self.milestones)

    @property
    def met(self) -> int:
        """How many milestones are reached."""
        return sum(v.state is rules.MilestoneState.MET for v in self.milestones)

    @property
    def next_due(self) -> MilestoneView | None:
        """The first milestone whose clock is running."""
        return next((v for v in self.milestones if v.state is rules.MilestoneState.DUE), None)


async def _names(ctx: Context, model: Any, ids: Iterable[uuid.UUID | None]) -> dict[uuid.UUID, str]:
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    rows = await ctx.session.execute(select(model.id, model.name).where(model.id.in_(wanted)))
    return {row[0]: row[1] for row in rows}


async def ticket_views(
    ctx: Context, tickets: Sequence[Ticket], *, now: datetime | None = None
) -> list[TicketView]:
    """These tickets as views: milestones, account, assignee and policy names (one query each)."""
    milestones = await ticket_milestones(ctx, [t.id for t in tickets])
    pauses = await ticket_pauses(ctx, [t.id for t in tickets])
    accounts = await _names(ctx, Account, [t.account_id for t in tickets])
    users = await _names(ctx, User, [t.assignee_user_id for t in tickets])
    policies = await _names(ctx, SlaPolicy, [t.policy_id for t in tickets])
    now = now or clock.now(ctx)
    return [
        TicketView(
            ticket=t,
            milestones=milestone_views(t, milestones[t.id], now, pauses[t.id]),
            account_name=accounts.get(t.account_id, ""),
            assignee_name=users.get(t.assignee_user_id) if t.assignee_user_id else None,
            policy_name=policies.get(t.policy_id) if t.policy_id else None,
        )
        for t in tickets
    ]


async def _view(ctx: Context, ticket: Ticket) -> TicketView:
    return (await ticket_views(ctx, [ticket]))[0]


async def _next_number(session: AsyncSession, tenant_id: uuid.UUID) -> int:
    # One ticket number at a time per tenant (the lock ends with the transaction).
    await session.execute(
        text("SELECT pg_advisory_xact_lock(hashtextextended('crm_tickets:' || :tid, 0))"),
        {"tid": str(tenant_id)},
    )
    current = await session.scalar(select(func.coalesce(func.max(Ticket.number), 0)))
    return int(current or 0) + 1


async def _check_contact(ctx: Context, contact_id: uuid.UUID, account_id: uuid.UUID) -> None:
    contact = await fetch_reference(ctx.session, Contact, contact_id, field="contact_id")
    if contact.account_id != account_id:
        raise ValidationProblem.for_field("contact_id", "the contact belongs to another account")


async def create_ticket(ctx: Context, data: TicketCreate, *, now: datetime | None = None) -> TicketView:
    """Open a ticket: number it, match its policy, copy the milestones, route it, start the clocks."""
    account = await fetch_reference(ctx.session, Account, data.account_id, field="account_id")
    if data.contact_id is not None:
        await _check_contact(ctx, data.contact_id, account.id)
    assignee = data.assignee_user_id
    if assignee is not None:
        await require_member(ctx, assignee, field="assignee_user_id")
    elif account.zone_id is not None and (await ctx.settings(CRM_SETTINGS)).route_by_zone:
        assignee = await ctx.session.scalar(select(Zone.owner_user_id).where(Zone.id == account.zone_id))
    policy = await matching_policy(ctx, data.category, data.priority)
    now = now or clock.now(ctx)
    actor = actor_name(ctx)
    ticket = Ticket(
        number=await _next_number(ctx.session, ctx.tenant_id),
        account_id=account.id,
        contact_id=data.contact_id,
        title=data.title,
        description=data.description,
        category=data.category,
        priority=data.priority,
        status=TicketStatus.OPEN,
        assignee_user_id=assignee,
        zone_id=account.zone_id,
        policy_id=policy.id if policy else None,
        created_by=actor,
        created_at=now,
        updated_at=now,
    )
    ctx.session.add(ticket)
    await ctx.session.flush()
    ctx.session.add(
        TicketEvent(
            ticket_id=ticket.id,
            kind=TicketEventKind.CREATED,
            to_status=TicketStatus.OPEN,
            actor_label=actor,
            occurred_at=now,
        )
    )
    milestones = []
    if policy is not None:
        for source in (await policy_milestones(ctx, [policy.id]))[policy.id]:
            milestone = TicketMilestone(
                ticket_id=ticket.id,
                key=source.key,
                name=source.name,
                position=source.position,
                target_minutes=source.target_minutes,
                same_day=source.same_day,
                anchor=source.anchor,
                reason_allowed=source.reason_allowed,
            )
            ctx.session.add(milestone)
            milestones.append(milestone)
    await ctx.session.flush()
    await refresh_due_times(ctx, ticket, milestones, await tenant_clock(ctx))
    ctx.audit("crm.ticket.created", ticket, after=snapshot(ticket))
    await emit_event(
        ctx,
        "crm.ticket.created",
        {
            "ticket_id": str(ticket.id),
            "number": rules.ticket_number(ticket.number),
            "account_id": str(ticket.account_id),
            "category": ticket.category.value,
            "priority": ticket.priority.value,
            "assignee_user_id": str(assignee) if assignee else None,
            "policy": policy.code if policy else None,
        },
    )
    return await _view(ctx, ticket)


async def ticket_row(ctx: Context, ticket_id: uuid.UUID) -> Ticket:
    """The ticket's row (404 for another tenant's)."""
    return await fetch(ctx.session, Ticket, ticket_id, what="ticket")


async def get_ticket(ctx: Context, ticket_id: uuid.UUID) -> TicketView:
    """One ticket as a view (404 for another tenant's)."""
    return await _view(ctx, await ticket_row(ctx, ticket_id))


async def _load_for_change(
    ctx: Context, ticket_id: uuid.UUID, if_match: str | None, *, now: datetime
) -> Ticket:
    ticket = await ticket_row(ctx, ticket_id)
    check_version(ticket, if_match)
    # The state a change starts from is current: breaches up to now are marked (and alerted) first.
    await mark_breaches(ctx, now=now, ticket_id=ticket.id)
    return ticket


async def update_ticket(
    ctx: Context,
    ticket_id: uuid.UUID,
    data: TicketUpdate,
    if_match: str | None,
    *,
    now: datetime | None = None,
) -> TicketView:
    """Change a ticket's title, description, priority, contact or assignee; an explicit null
    clears the description, the contact or the assignee."""
    now = now or clock.now(ctx)
    ticket = await _load_for_change(ctx, ticket_id, if_match, now=now)
    if ticket.status is TicketStatus.CLOSED:
        raise ConflictProblem("The ticket is closed.")
    if isinstance(data.contact_id, uuid.UUID):
        await _check_contact(ctx, data.contact_id, ticket.account_id)
    if isinstance(data.assignee_user_id, uuid.UUID):
        await require_member(ctx, data.assignee_user_id, field="assignee_user_id")
    before = snapshot(ticket)
    old_priority, old_assignee = ticket.priority, ticket.assignee_user_id
    for name in ("title", "description", "priority", "contact_id", "assignee_user_id"):
        value = getattr(data, name)
        if value is not msgspec.UNSET:
            setattr(ticket, name, value)
    ticket.updated_at = now
    await ctx.session.flush()
    if ticket.assignee_user_id != old_assignee:
        names = await _names(ctx, User, [old_assignee, ticket.assignee_user_id])
        _history(
            ctx,
            ticket,
            TicketEventKind.REASSIGNED,
            now,
            names.get(old_assignee) if old_assignee else None,
            names.get(ticket.assignee_user_id) if ticket.assignee_user_id else None,
        )
    if ticket.priority is not old_priority:
        _history(
            ctx, ticket, TicketEventKind.PRIORITY_CHANGED, now, old_priority.value, ticket.priority.value
        )
        await _rematch_policy(ctx, ticket, now)
    await ctx.session.flush()
    ctx.audit("crm.ticket.updated", ticket, before=before, after=snapshot(ticket))
    return await _view(ctx, ticket)


def _history(
    ctx: Context,
    ticket: Ticket,
    kind: TicketEventKind,
    now: datetime,
    from_value: str | None,
    to_value: str | None,
) -> None:
    ctx.session.add(
        TicketEvent(
            ticket_id=ticket.id,
            kind=kind,
            from_value=from_value[:200] if from_value else None,
            to_value=to_value[:200] if to_value else None,
            actor_label=actor_name(ctx),
            occurred_at=now,
        )
    )


async def _rematch_policy(ctx: Context, ticket: Ticket, now: datetime) -> None:
    """After a priority change: the policy the ticket would get now. When it is another one, its
    chain replaces the running milestones (met and breached ones stay as they happened), due
    times are recomputed from the ticket's opening with its pauses, and the change is recorded."""
    policy = await matching_policy(ctx, ticket.category, ticket.priority)
    new_id = policy.id if policy is not None else None
    if new_id == ticket.policy_id:
        return
    names = await _names(ctx, SlaPolicy, [ticket.policy_id, new_id])
    _history(
        ctx,
        ticket,
        TicketEventKind.POLICY_CHANGED,
        now,
        names.get(ticket.policy_id) if ticket.policy_id else None,
        names.get(new_id) if new_id else None,
    )
    ticket.policy_id = new_id
    sources = (await policy_milestones(ctx, [new_id]))[new_id] if new_id is not None else []
    current = (await ticket_milestones(ctx, [ticket.id]))[ticket.id]
    plan = rules.rechain(current, [m.key for m in sources])
    by_key = {m.key: m for m in current}
    for key in plan.dropped:
        await ctx.session.delete(by_key.pop(key))
    # Positions are unique per ticket: park the rows out of the way before numbering them anew.
    for index, parked in enumerate(by_key.values(), start=1):
        parked.position = -index
    await ctx.session.flush()
    spec = {m.key: m for m in sources}
    chain: list[TicketMilestone] = []
    for position, key in enumerate(plan.order, start=1):
        found = by_key.get(key)
        row = found if found is not None else TicketMilestone(ticket_id=ticket.id, key=key)
        if found is None:
            ctx.session.add(row)
        if key in spec and key not in plan.kept:
            source = spec[key]
            row.name, row.target_minutes, row.same_day = source.name, source.target_minutes, source.same_day
            row.anchor, row.reason_allowed = source.anchor, source.reason_allowed
            row.due_at = None
        row.position = position
        chain.append(row)
    await ctx.session.flush()
    await refresh_due_times(ctx, ticket, chain, await tenant_clock(ctx))
    # A stricter target may already be past: breached (and alerted) now, as the sweep would.
    await mark_breaches(ctx, now=now, ticket_id=ticket.id)


async def _status_event(
    ctx: Context, ticket: Ticket, target: TicketStatus, note: str | None, now: datetime
) -> None:
    previous = ticket.status
    ticket.status = target
    ticket.updated_at = now
    ctx.session.add(
        TicketEvent(
            ticket_id=ticket.id,
            kind=TicketEventKind.CLOSED if target is TicketStatus.CLOSED else TicketEventKind.STATUS_CHANGED,
            from_status=previous,
            to_status=target,
            note=note,
            actor_label=actor_name(ctx),
            occurred_at=now,
        )
    )
    await ctx.session.flush()
    milestones = (await ticket_milestones(ctx, [ticket.id]))[ticket.id]
    await refresh_due_times(ctx, ticket, milestones, await tenant_clock(ctx))
    await emit_event(
        ctx,
        "crm.ticket.status_changed",
        {
            "ticket_id": str(ticket.id),
            "number": rules.ticket_number(ticket.number),
            "from": previous.value,
            "to": target.value,
        },
    )


async def change_status(
    ctx: Context,
    ticket_id: uuid.UUID,
    data: TicketStatusChange,
    if_match: str | None,
    *,
    now: datetime | None = None,
) -> TicketView:
    """Move a ticket (``waiting`` pauses its clocks, leaving it resumes them; close with ``close``)."""
    now = now or clock.now(ctx)
    ticket = await _load_for_change(ctx, ticket_id, if_match, now=now)
    if data.status is TicketStatus.CLOSED:
        raise ValidationProblem.for_field("status", "close the ticket with the close action")
    if data.status is ticket.status:
        return await _view(ctx, ticket)
    if problem := rules.transition_problem(ticket.status, data.status):
        raise ConflictProblem(problem)
    before = snapshot(ticket)
    reopened = ticket.status is TicketStatus.RESOLVED
    if data.status is TicketStatus.RESOLVED:
        ticket.resolved_at = now
    elif reopened:
        ticket.resolved_at = None
    await _status_event(ctx, ticket, data.status, data.note, now)
    if reopened:
        # Measured again: a milestone that fell due while it was resolved is breached (and alerted) now.
        await mark_breaches(ctx, now=now, ticket_id=ticket.id)
    ctx.audit("crm.ticket.status_changed", ticket, before=before, after=snapshot(ticket))
    return await _view(ctx, ticket)


async def complete_milestone(
    ctx: Context,
    ticket_id: uuid.UUID,
    key: str,
    data: MilestoneCompletion,
    if_match: str | None,
    *,
    now: datetime | None = None,
) -> TicketView:
    """Mark a milestone reached now (or, where allowed, record the reason it is not): met when in
    time, breached when late. The next milestone's clock starts when it is anchored on this one."""
    now = now or clock.now(ctx)
    ticket = await _load_for_change(ctx, ticket_id, if_match, now=now)
    if ticket.status is TicketStatus.CLOSED:
        raise ConflictProblem("The ticket is closed.")
    milestones = (await ticket_milestones(ctx, [ticket.id]))[ticket.id]
    index = next((i for i, m in enumerate(milestones) if m.key == key), None)
    if index is None:
        raise NotFoundProblem(f"The ticket has no milestone {key!r}.")
    milestone = milestones[index]
    if milestone.met_at is not None:
        raise ConflictProblem("This milestone is already reached.")
    if data.reason is not None and not milestone.reason_allowed:
        raise ValidationProblem.for_field("reason", "this milestone takes no reason")
    if rules.anchor_time(milestone_clocks(milestones), index, ticket.created_at) is None:
        raise ConflictProblem("Reach the previous milestone first: this one's clock starts from it.")
    if rules.is_late(milestone.due_at, now) and milestone.breached_at is None:
        # Only on a resolved ticket (otherwise already marked above): breached, and alerted once.
        await mark_breaches(ctx, now=now, milestone_id=milestone.id)
    milestone.met_at = now
    milestone.reason = data.reason
    ticket.updated_at = now
    ctx.session.add(
        TicketEvent(
            ticket_id=ticket.id,
            kind=TicketEventKind.MILESTONE_MET,
            milestone_key=key,
            note=data.reason,
            actor_label=actor_name(ctx),
            occurred_at=now,
        )
    )
    await ctx.session.flush()
    await refresh_due_times(ctx, ticket, milestones, await tenant_clock(ctx))
    ctx.audit(
        "crm.ticket.milestone_met",
        ticket,
        after={"milestone": key, "met_at": now.isoformat(), "reason": data.reason},
    )
    if milestone.breached_at is None:
        await emit_event(
            ctx,
            "crm.ticket.milestone_met",
            {
                "ticket_id": str(ticket.id),
                "number": rules.ticket_number(ticket.number),
                "milestone": key,
                "met_at": now.isoformat(),
                "reason": data.reason,
            },
        )
    return await _view(ctx, ticket)


async def close_ticket(
    ctx: Context,
    ticket_id: uuid.UUID,
    data: TicketClose,
    if_match: str | None,
    *,
    now: datetime | None = None,
) -> TicketView:
    """Close a ticket; a complaint (投诉) needs the customer's satisfaction score (1..5)."""
    now = now or clock.now(ctx)
    ticket = await _load_for_change(ctx, ticket_id, if_match, now=now)
    if not rules.can_close(ticket.status):
        raise ConflictProblem("The ticket is already closed.")
    if ticket.category is TicketCategory.COMPLAINT and data.satisfaction is None:
        raise ValidationProblem.for_field(
            "satisfaction", "a complaint needs the customer's satisfaction (1-5)"
        )
    before = snapshot(ticket)
    ticket.satisfaction = data.satisfaction
    ticket.close_note = data.close_note
    ticket.closed_at = now
    if ticket.resolved_at is None:
        ticket.resolved_at = now
    await _status_event(ctx, ticket, TicketStatus.CLOSED, data.close_note, now)
    ctx.audit("crm.ticket.closed", ticket, before=before, after=snapshot(ticket))
    return await _view(ctx, ticket)


async def search_tickets(ctx: Context, text: str, limit: int) -> list[SearchHit]:
    """The global search's ticket hits: the number (``T-000123``, ``T-0001…`` or ``123``) or
    ``text`` anywhere in the title, any case, newest first."""
    matches: list[ColumnElement[bool]] = [
        Ticket.title.ilike("%" + text.translate(_LIKE_ESCAPE) + "%", escape="/")
    ]
    if found := _NUMBER.match(text):
        digits = found.group(2)
        if found.group(1):
            # A prefix of the shown number: T-0001 is T-000100 .. T-000199.
            scale = 10 ** (6 - len(digits))
            matches.append(Ticket.number.between(int(digits) * scale, (int(digits) + 1) * scale - 1))
        else:
            matches.append(Ticket.number == int(digits))
    rows = (
        await ctx.session.execute(
            select(Ticket.id, Ticket.number, Ticket.title, Account.name)
            .join(Account, and_(Account.tenant_id == Ticket.tenant_id, Account.id == Ticket.account_id))
            .where(or_(*matches))
            .order_by(Ticket.created_at.desc(), Ticket.id.desc())
            .limit(limit)
        )
    ).all()
    return [
        SearchHit(
            title=f"{rules.ticket_number(row.number)} {row.title}",
            href=f"/crm/tickets/{row.id}",
            detail=row.name,
        )
        for row in rows
    ]
