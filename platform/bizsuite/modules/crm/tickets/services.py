"""Service tickets (工单) and SLA policies: policies, opening, routing, status, milestones, close,
and the SLA clock that marks breaches and raises their alerts exactly once."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import and_, exists, func, or_, select, text, tuple_, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bizsuite.core.alerts.models import Severity
from bizsuite.core.alerts.services import raise_alert
from bizsuite.core.context import Context, snapshot
from bizsuite.core.db import utcnow
from bizsuite.core.errors import ConflictProblem, NotFoundProblem, ValidationProblem
from bizsuite.core.identity.services import require_member
from bizsuite.core.jobs.queue import in_tenant
from bizsuite.core.repository import check_version, fetch, fetch_reference, list_page
from bizsuite.core.tenants.models import Tenant, TenantStatus
from bizsuite.core.webhooks.services import emit_event
from bizsuite.modules.crm.accounts.rules import TimelineKey
from bizsuite.modules.crm.accounts.schemas import TimelineEvent
from bizsuite.modules.crm.calendar import BusinessCalendar, parse_calendar
from bizsuite.modules.crm.models import (
    Account,
    Contact,
    SlaPolicy,
    SlaPolicyMilestone,
    Ticket,
    TicketCategory,
    TicketEvent,
    TicketEventKind,
    TicketMilestone,
    TicketPriority,
    TicketStatus,
    Zone,
)
from bizsuite.modules.crm.settings import crm_settings
from bizsuite.modules.crm.tickets import rules
from bizsuite.modules.crm.tickets.schemas import (
    MilestoneCompletion,
    SlaPolicyIn,
    TicketClose,
    TicketCreate,
    TicketStatusChange,
    TicketUpdate,
)

BREACH_ALERT = "crm.ticket.sla_breached"
log = logging.getLogger(__name__)


def _actor(ctx: Context) -> str:
    return ctx.principal.label or ctx.principal.kind.value


# ---------------------------------------------------------------------------------------------
# SLA policies


def _check_milestones(data: SlaPolicyIn) -> None:
    if problem := rules.chain_problem(data.milestones):
        raise ValidationProblem.for_field(*problem)


async def policy_milestones(
    ctx: Context, policy_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, list[SlaPolicyMilestone]]:
    """The milestones of these policies, in chain order."""
    found: dict[uuid.UUID, list[SlaPolicyMilestone]] = {pid: [] for pid in policy_ids}
    if not policy_ids:
        return found
    rows = await ctx.session.scalars(
        select(SlaPolicyMilestone)
        .where(SlaPolicyMilestone.policy_id.in_(policy_ids))
        .order_by(SlaPolicyMilestone.policy_id, SlaPolicyMilestone.position)
    )
    for row in rows:
        found[row.policy_id].append(row)
    return found


async def list_policies(
    ctx: Context, *, limit: int, cursor: str | None, active: bool | None = None
) -> tuple[list[SlaPolicy], str | None]:
    """A page of the tenant's SLA policies, oldest first."""
    statement = select(SlaPolicy)
    if active is not None:
        statement = statement.where(SlaPolicy.active.is_(active))
    rows, next_cursor = await list_page(ctx.session, statement, SlaPolicy, limit=limit, cursor=cursor)
    return rows, next_cursor


async def get_policy(ctx: Context, policy_id: uuid.UUID) -> SlaPolicy:
    """One policy (404 for another tenant's)."""
    return await fetch(ctx.session, SlaPolicy, policy_id, what="SLA policy")


async def _replace_milestones(ctx: Context, policy: SlaPolicy, data: SlaPolicyIn) -> None:
    existing = (
        await ctx.session.scalars(select(SlaPolicyMilestone).where(SlaPolicyMilestone.policy_id == policy.id))
    ).all()
    for row in existing:
        await ctx.session.delete(row)
    await ctx.session.flush()
    for position, milestone in enumerate(data.milestones, start=1):
        ctx.session.add(
            SlaPolicyMilestone(
                policy_id=policy.id,
                key=milestone.key,
                name=milestone.name,
                position=position,
                target_minutes=milestone.target_minutes,
                same_day=milestone.same_day,
                anchor=milestone.anchor,
                reason_allowed=milestone.reason_allowed,
            )
        )
    await ctx.session.flush()


async def _code_taken(ctx: Context, code: str, exclude: uuid.UUID | None = None) -> bool:
    statement = select(SlaPolicy.id).where(SlaPolicy.code == code)
    if exclude is not None:
        statement = statement.where(SlaPolicy.id != exclude)
    return (await ctx.session.scalar(statement)) is not None


async def create_policy(ctx: Context, data: SlaPolicyIn) -> SlaPolicy:
    """Create a policy with its milestone chain."""
    _check_milestones(data)
    if await _code_taken(ctx, data.code):
        raise ValidationProblem.for_field("code", "another SLA policy has this code")
    policy = SlaPolicy(
        code=data.code, name=data.name, category=data.category, priority=data.priority, active=data.active
    )
    ctx.session.add(policy)
    await ctx.session.flush()
    await _replace_milestones(ctx, policy, data)
    ctx.audit("crm.sla_policy.created", policy, after=snapshot(policy))
    return policy


async def replace_policy(
    ctx: Context, policy_id: uuid.UUID, data: SlaPolicyIn, if_match: str | None
) -> SlaPolicy:
    """Replace a policy's matching rule and milestones (open tickets keep the chain they got)."""
    policy = await get_policy(ctx, policy_id)
    check_version(policy, if_match)
    _check_milestones(data)
    if await _code_taken(ctx, data.code, exclude=policy.id):
        raise ValidationProblem.for_field("code", "another SLA policy has this code")
    before = snapshot(policy)
    policy.code, policy.name = data.code, data.name
    policy.category, policy.priority, policy.active = data.category, data.priority, data.active
    policy.updated_at = utcnow()  # a new version even when only the milestones change
    await _replace_milestones(ctx, policy, data)
    await ctx.session.flush()
    ctx.audit("crm.sla_policy.updated", policy, before=before, after=snapshot(policy))
    return policy


async def delete_policy(ctx: Context, policy_id: uuid.UUID, if_match: str | None) -> None:
    """Delete a policy no ticket uses (deactivate it otherwise)."""
    policy = await get_policy(ctx, policy_id)
    check_version(policy, if_match)
    used = await ctx.session.scalar(select(exists().where(Ticket.policy_id == policy.id)))
    if used:
        raise ConflictProblem("Tickets use this policy: deactivate it instead.")
    ctx.audit("crm.sla_policy.deleted", policy, before=snapshot(policy))
    await ctx.session.delete(policy)
    await ctx.session.flush()


# ---------------------------------------------------------------------------------------------
# Ticket clocks


@dataclass(frozen=True, slots=True)
class Clock:
    """What the SLA clock needs about the tenant: its time zone and optional business calendar."""

    time_zone: str
    calendar: BusinessCalendar | None


async def tenant_clock(ctx: Context) -> Clock:
    """The tenant's time zone and business calendar."""
    settings = await crm_settings(ctx)
    return Clock(time_zone=ctx.tenant.time_zone, calendar=parse_calendar(settings.business_calendar))


async def ticket_milestones(
    ctx: Context, ticket_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, list[TicketMilestone]]:
    """The milestones of these tickets, in chain order."""
    found: dict[uuid.UUID, list[TicketMilestone]] = {tid: [] for tid in ticket_ids}
    if not ticket_ids:
        return found
    rows = await ctx.session.scalars(
        select(TicketMilestone)
        .where(TicketMilestone.ticket_id.in_(ticket_ids))
        .order_by(TicketMilestone.ticket_id, TicketMilestone.position)
    )
    for row in rows:
        found[row.ticket_id].append(row)
    return found


async def _pauses(ctx: Context, ticket_id: uuid.UUID) -> list[tuple[datetime, datetime | None]]:
    rows = (
        await ctx.session.execute(
            select(TicketEvent.occurred_at, TicketEvent.to_status)
            .where(TicketEvent.ticket_id == ticket_id, TicketEvent.to_status.is_not(None))
            .order_by(TicketEvent.occurred_at, TicketEvent.id)
        )
    ).all()
    return rules.pauses_from_status_changes([(at, status) for at, status in rows if status is not None])


def _clocks(milestones: Sequence[TicketMilestone]) -> list[rules.MilestoneClock]:
    return [
        rules.MilestoneClock(
            target_minutes=m.target_minutes, same_day=m.same_day, anchor=m.anchor, met_at=m.met_at
        )
        for m in milestones
    ]


async def refresh_due_times(
    ctx: Context, ticket: Ticket, milestones: Sequence[TicketMilestone], clock: Clock
) -> None:
    """Recompute the due time of every milestone still running (after a pause, a resume, a
    milestone met...). Milestones met or breached keep theirs. A resolved ticket keeps its due
    times too: it is not measured (see ``rules.FINISHED``), but a milestone reached then, or still
    open when the ticket is reopened, is judged against them. A closed ticket changes no more: its
    open milestones drop their due times (and so leave the SLA clock's index)."""
    closed = ticket.status is TicketStatus.CLOSED
    pauses = await _pauses(ctx, ticket.id)
    dues = rules.due_times(
        _clocks(milestones),
        ticket.created_at,
        pauses=pauses,
        calendar=clock.calendar,
        time_zone=clock.time_zone,
    )
    for milestone, due in zip(milestones, dues, strict=True):
        if milestone.met_at is not None or milestone.breached_at is not None:
            continue
        milestone.due_at = None if closed else due
    await ctx.session.flush()


@dataclass(frozen=True, slots=True)
class MilestoneView:
    """A ticket milestone with the state shown to people."""

    milestone: TicketMilestone
    state: rules.MilestoneState
    due_in_seconds: int | None


def milestone_views(
    ticket: Ticket, milestones: Sequence[TicketMilestone], now: datetime
) -> list[MilestoneView]:
    """Each milestone's state (met / breached / due in / paused / not started / stopped) at ``now``."""
    clocks = _clocks(milestones)
    views = []
    for index, milestone in enumerate(milestones):
        state, due_in = rules.milestone_state(
            due_at=milestone.due_at,
            met_at=milestone.met_at,
            breached_at=milestone.breached_at,
            anchor_reached=rules.anchor_time(clocks, index, ticket.created_at) is not None,
            finished=ticket.status in rules.FINISHED,
            now=now,
        )
        views.append(MilestoneView(milestone=milestone, state=state, due_in_seconds=due_in))
    return views


# ---------------------------------------------------------------------------------------------
# Breaches: the one place that marks them and raises their alerts


@dataclass(frozen=True, slots=True)
class Breach:
    """A milestone this sweep found breached (its alert went out now)."""

    ticket_id: uuid.UUID
    milestone_key: str


async def mark_breaches(
    ctx: Context,
    *,
    now: datetime | None = None,
    ticket_id: uuid.UUID | None = None,
    milestone_id: uuid.UUID | None = None,
) -> list[Breach]:
    """Mark every milestone of the tenant (or of one ticket) past due and not met as breached, set-
    based, and alert each breach exactly once (the assignee and the zone owner) with a
    ``crm.ticket.sla_breached`` event. Running it again finds nothing new.

    Milestones of resolved and closed tickets are not measured, except ``milestone_id``: the one
    being reached late on a resolved ticket."""
    now = now or utcnow()
    measured = (
        TicketMilestone.id == milestone_id
        if milestone_id is not None
        else TicketMilestone.ticket_id.in_(select(Ticket.id).where(Ticket.status.not_in(rules.FINISHED)))
    )
    statement = (
        update(TicketMilestone)
        .where(
            TicketMilestone.met_at.is_(None),
            TicketMilestone.breached_at.is_(None),
            TicketMilestone.due_at <= now,
            measured,
        )
        .values(breached_at=TicketMilestone.due_at, alerted_at=now)
        .returning(TicketMilestone.id, TicketMilestone.ticket_id)
        .execution_options(synchronize_session=False)
    )
    if ticket_id is not None:
        statement = statement.where(TicketMilestone.ticket_id == ticket_id)
    marked = (await ctx.session.execute(statement)).all()
    if not marked:
        return []
    milestone_ids = [row[0] for row in marked]
    rows = (
        await ctx.session.execute(
            select(TicketMilestone, Ticket, Zone.owner_user_id)
            .join(Ticket, Ticket.id == TicketMilestone.ticket_id)
            .outerjoin(Zone, Zone.id == Ticket.zone_id)
            .where(TicketMilestone.id.in_(milestone_ids))
            .order_by(Ticket.number, TicketMilestone.position)
            .execution_options(populate_existing=True)
        )
    ).all()
    breaches = []
    for milestone, ticket, zone_owner in rows:
        number = rules.ticket_number(ticket.number)
        recipients = [u for u in (ticket.assignee_user_id, zone_owner) if u is not None]
        await raise_alert(
            ctx,
            alert_type=BREACH_ALERT,
            severity=Severity.WARNING,
            title=f"{number} {milestone.name}: SLA breached",
            body=ticket.title,
            target=ticket,
            dedup_key=f"{BREACH_ALERT}:{milestone.id}",
            due_at=milestone.due_at,
            recipients=recipients or None,
            data={"ticket_id": str(ticket.id), "number": number, "milestone": milestone.key},
        )
        ctx.session.add(
            TicketEvent(
                ticket_id=ticket.id,
                kind=TicketEventKind.SLA_BREACHED,
                milestone_key=milestone.key,
                actor_label="sla",
                occurred_at=now,
            )
        )
        await emit_event(
            ctx,
            "crm.ticket.sla_breached",
            {
                "ticket_id": str(ticket.id),
                "number": number,
                "milestone": milestone.key,
                "due_at": milestone.due_at.isoformat() if milestone.due_at else None,
                "breached_at": milestone.breached_at.isoformat() if milestone.breached_at else None,
            },
        )
        breaches.append(Breach(ticket_id=ticket.id, milestone_key=milestone.key))
    await ctx.session.flush()
    return breaches


async def sweep_all_tenants(sessionmaker: async_sessionmaker[Any], *, now: datetime | None = None) -> int:
    """The SLA clock: for every active tenant with CRM, mark its breaches in its own transaction
    under its own tenant binding; returns how many breaches were new."""
    async with sessionmaker() as session:
        tenant_ids = list(
            (
                await session.scalars(
                    select(Tenant.id).where(
                        Tenant.modules.contains(["crm"]),
                        Tenant.status == TenantStatus.ACTIVE,
                    )
                )
            ).all()
        )
    found = 0
    for tenant_id in tenant_ids:
        # One tenant's failure (rolled back) must not hold back the others' breaches; it is retried
        # on the next tick, and its alerts still go out exactly once.
        try:
            async with in_tenant(sessionmaker, tenant_id, actor="job:crm.tickets.sla_clock") as ctx:
                found += len(await mark_breaches(ctx, now=now))
        except Exception:
            log.exception("SLA clock failed for tenant %s", tenant_id)
    return found


# ---------------------------------------------------------------------------------------------
# Tickets


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


async def matching_policy(
    ctx: Context, category: TicketCategory, priority: TicketPriority
) -> SlaPolicy | None:
    """The active policy a ticket of this category and priority gets (most specific wins)."""
    policies = (await ctx.session.scalars(select(SlaPolicy).where(SlaPolicy.active.is_(True)))).all()
    return rules.match_policy(policies, category, priority)


async def create_ticket(ctx: Context, data: TicketCreate, *, now: datetime | None = None) -> Ticket:
    """Open a ticket: number it, match its policy, copy the milestones, route it, start the clocks."""
    account = await fetch_reference(ctx.session, Account, data.account_id, field="account_id")
    if data.contact_id is not None:
        await _check_contact(ctx, data.contact_id, account.id)
    assignee = data.assignee_user_id
    if assignee is not None:
        await require_member(ctx, assignee, field="assignee_user_id")
    elif account.zone_id is not None and (await crm_settings(ctx)).route_by_zone:
        assignee = await ctx.session.scalar(select(Zone.owner_user_id).where(Zone.id == account.zone_id))
    policy = await matching_policy(ctx, data.category, data.priority)
    now = now or utcnow()
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
        created_by=_actor(ctx),
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
            actor_label=_actor(ctx),
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
    return ticket


@dataclass(frozen=True, slots=True)
class TicketFilters:
    """List filters (all optional)."""

    status: TicketStatus | None = None
    category: TicketCategory | None = None
    priority: TicketPriority | None = None
    assignee_user_id: uuid.UUID | None = None
    account_id: uuid.UUID | None = None
    breached: bool | None = None


def _breached_clause(now: datetime) -> Any:
    return exists().where(
        TicketMilestone.ticket_id == Ticket.id,
        TicketMilestone.tenant_id == Ticket.tenant_id,
        or_(
            TicketMilestone.breached_at.is_not(None),
            and_(
                TicketMilestone.met_at.is_(None),
                TicketMilestone.due_at <= now,
                Ticket.status.not_in(rules.FINISHED),
            ),
        ),
    )


async def list_tickets(
    ctx: Context, filters: TicketFilters, *, limit: int, cursor: str | None, now: datetime | None = None
) -> tuple[list[Ticket], str | None]:
    """A page of tickets, newest first."""
    statement = select(Ticket)
    if filters.status is not None:
        statement = statement.where(Ticket.status == filters.status)
    if filters.category is not None:
        statement = statement.where(Ticket.category == filters.category)
    if filters.priority is not None:
        statement = statement.where(Ticket.priority == filters.priority)
    if filters.assignee_user_id is not None:
        statement = statement.where(Ticket.assignee_user_id == filters.assignee_user_id)
    if filters.account_id is not None:
        statement = statement.where(Ticket.account_id == filters.account_id)
    if filters.breached is not None:
        clause = _breached_clause(now or utcnow())
        statement = statement.where(clause if filters.breached else ~clause)
    rows, next_cursor = await list_page(
        ctx.session, statement, Ticket, limit=limit, cursor=cursor, descending=True
    )
    return rows, next_cursor


async def get_ticket(ctx: Context, ticket_id: uuid.UUID) -> Ticket:
    """One ticket (404 for another tenant's)."""
    return await fetch(ctx.session, Ticket, ticket_id, what="ticket")


async def _load_for_change(
    ctx: Context, ticket_id: uuid.UUID, if_match: str | None, *, now: datetime
) -> Ticket:
    ticket = await get_ticket(ctx, ticket_id)
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
) -> Ticket:
    """Change a ticket's title, description, priority, contact or assignee."""
    now = now or utcnow()
    ticket = await _load_for_change(ctx, ticket_id, if_match, now=now)
    if ticket.status is TicketStatus.CLOSED:
        raise ConflictProblem("The ticket is closed.")
    if data.contact_id is not None:
        await _check_contact(ctx, data.contact_id, ticket.account_id)
    if data.assignee_user_id is not None:
        await require_member(ctx, data.assignee_user_id, field="assignee_user_id")
    before = snapshot(ticket)
    for name in ("title", "description", "priority", "contact_id", "assignee_user_id"):
        value = getattr(data, name)
        if value is not None:
            setattr(ticket, name, value)
    ticket.updated_at = now
    await ctx.session.flush()
    ctx.audit("crm.ticket.updated", ticket, before=before, after=snapshot(ticket))
    return ticket


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
            actor_label=_actor(ctx),
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
) -> Ticket:
    """Move a ticket (``waiting`` pauses its clocks, leaving it resumes them; close with ``close``)."""
    now = now or utcnow()
    ticket = await _load_for_change(ctx, ticket_id, if_match, now=now)
    if data.status is TicketStatus.CLOSED:
        raise ValidationProblem.for_field("status", "close the ticket with the close action")
    if data.status is ticket.status:
        return ticket
    if not rules.can_change(ticket.status, data.status):
        raise ConflictProblem(f"A {ticket.status.value} ticket cannot become {data.status.value}.")
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
    return ticket


async def complete_milestone(
    ctx: Context,
    ticket_id: uuid.UUID,
    key: str,
    data: MilestoneCompletion,
    if_match: str | None,
    *,
    now: datetime | None = None,
) -> Ticket:
    """Mark a milestone reached now (or, where allowed, record the reason it is not): met when in
    time, breached when late. The next milestone's clock starts when it is anchored on this one."""
    now = now or utcnow()
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
    if rules.anchor_time(_clocks(milestones), index, ticket.created_at) is None:
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
            actor_label=_actor(ctx),
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
    return ticket


async def close_ticket(
    ctx: Context,
    ticket_id: uuid.UUID,
    data: TicketClose,
    if_match: str | None,
    *,
    now: datetime | None = None,
) -> Ticket:
    """Close a ticket; a complaint (投诉) needs the customer's satisfaction score (1..5)."""
    now = now or utcnow()
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
    return ticket


async def list_ticket_events(
    ctx: Context, ticket_id: uuid.UUID, *, limit: int, cursor: str | None
) -> tuple[list[TicketEvent], str | None]:
    """A ticket's history, oldest first."""
    ticket = await get_ticket(ctx, ticket_id)
    rows, next_cursor = await list_page(
        ctx.session,
        select(TicketEvent).where(TicketEvent.ticket_id == ticket.id),
        TicketEvent,
        limit=limit,
        cursor=cursor,
    )
    return rows, next_cursor


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
