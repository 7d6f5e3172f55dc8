"""The SLA clock: due times of a ticket's milestones (with pauses and the business calendar),
each milestone's state as shown, and the one place that marks breaches and raises their alerts
exactly once."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select, text, update
from sqlalchemy.ext.asyncio import async_sessionmaker

from bizsuite.core import clock
from bizsuite.core.alerts.models import Severity
from bizsuite.core.alerts.services import raise_alert
from bizsuite.core.context import Context
from bizsuite.core.jobs.queue import sweep_tenants
from bizsuite.core.webhooks.services import emit_event
from bizsuite.modules.crm.calendar import BusinessCalendar, Interval, parse_calendar
from bizsuite.modules.crm.models import (
    Ticket,
    TicketEvent,
    TicketEventKind,
    TicketMilestone,
    TicketStatus,
    Zone,
)
from bizsuite.modules.crm.settings import CRM_SETTINGS
from bizsuite.modules.crm.tickets import rules
from bizsuite.web.i18n import N_

BREACH_ALERT = "crm.ticket.sla_breached"
#: The breach alert's title, shown in each reader's language.
BREACH_ALERT_TITLE = N_("%(number)s %(milestone)s: SLA breached")
log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Clock:
    """What the SLA clock needs about the tenant: its time zone and optional business calendar."""

    time_zone: str
    calendar: BusinessCalendar | None


async def tenant_clock(ctx: Context) -> Clock:
    """The tenant's time zone and business calendar."""
    settings = await ctx.settings(CRM_SETTINGS)
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


async def ticket_pauses(ctx: Context, ticket_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, list[Interval]]:
    """Each ticket's paused stretches (waiting), from its status changes (one query)."""
    changes: dict[uuid.UUID, list[tuple[datetime, TicketStatus]]] = {tid: [] for tid in ticket_ids}
    if not ticket_ids:
        return {}
    rows = (
        await ctx.session.execute(
            select(TicketEvent.ticket_id, TicketEvent.occurred_at, TicketEvent.to_status)
            .where(TicketEvent.ticket_id.in_(ticket_ids), TicketEvent.to_status.is_not(None))
            .order_by(TicketEvent.ticket_id, TicketEvent.occurred_at, TicketEvent.id)
        )
    ).all()
    for ticket_id, at, status in rows:
        if status is not None:
            changes[ticket_id].append((at, status))
    return {tid: rules.pauses_from_status_changes(found) for tid, found in changes.items()}


async def _pauses(ctx: Context, ticket_id: uuid.UUID) -> list[Interval]:
    return (await ticket_pauses(ctx, [ticket_id]))[ticket_id]


def milestone_clocks(milestones: Sequence[TicketMilestone]) -> list[rules.MilestoneClock]:
    """The milestones as the rules' clocks (target, anchor, when met)."""
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
        milestone_clocks(milestones),
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
    #: The explanation of the due time: when its clock started (the ticket's opening or the
    #: previous milestone), and how long the clock stood still (waiting) since then.
    anchor_at: datetime | None = None
    paused_seconds: int = 0


def milestone_views(
    ticket: Ticket,
    milestones: Sequence[TicketMilestone],
    now: datetime,
    pauses: Sequence[Interval] = (),
) -> list[MilestoneView]:
    """Each milestone's state (met / breached / due in / paused / not started / stopped) at ``now``,
    with the inputs of its due time (its clock's start and the paused time since)."""
    clocks = milestone_clocks(milestones)
    views = []
    for index, milestone in enumerate(milestones):
        anchor_at = rules.anchor_time(clocks, index, ticket.created_at)
        state, due_in = rules.milestone_state(
            due_at=milestone.due_at,
            met_at=milestone.met_at,
            breached_at=milestone.breached_at,
            anchor_reached=anchor_at is not None,
            finished=ticket.status in rules.FINISHED,
            now=now,
        )
        until = milestone.met_at or milestone.breached_at or now
        views.append(
            MilestoneView(
                milestone=milestone,
                state=state,
                due_in_seconds=due_in,
                anchor_at=anchor_at,
                paused_seconds=rules.paused_seconds(pauses, anchor_at, until),
            )
        )
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
    now = now or clock.now(ctx)
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
            title_msgid=BREACH_ALERT_TITLE,
            params={"number": number, "milestone": milestone.name},
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
    """The SLA clock: mark the breaches of the tenants with a milestone past due (one statement
    finds them; ``now`` given: every tenant with CRM), each in its own transaction; returns how
    many breaches were new."""

    async def mark(ctx: Context) -> int:
        return len(await mark_breaches(ctx, now=now))

    due = None if now is not None else text("SELECT bizsuite_due_sla_tenants()")
    return await sweep_tenants(sessionmaker, mark, actor="job:crm.tickets.sla_clock", module="crm", due=due)
