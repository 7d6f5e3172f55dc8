"""SLA rules for service tickets (工单), as plain functions over plain values.

- A policy is an ordered chain of milestones; each has a target (minutes, or "the same day")
  counted from its anchor: the ticket's creation, or the moment the previous milestone was met.
- Minute targets count only running clock time: paused stretches (the ticket waiting for the
  customer or for parts) are left out, and with a business calendar only working hours count.
- "The same day" means the end (24:00) of the anchor's calendar day in the tenant's time zone;
  such a deadline is a fixed point in time, so pauses do not move it.
- A milestone met after its due time, or not met when the due time passes, is breached.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol, TypeVar

from bizsuite.modules.crm.calendar import (
    BusinessCalendar,
    Interval,
    add_counted_minutes,
    end_of_local_day,
)
from bizsuite.modules.crm.models import SlaAnchor, TicketCategory, TicketPriority, TicketStatus

NUMBER_PREFIX = "T-"


def ticket_number(number: int) -> str:
    """The human ticket number: ``T-000123``."""
    return f"{NUMBER_PREFIX}{number:06d}"


# ---------------------------------------------------------------------------------------------
# Policy matching


class PolicyLike(Protocol):
    """What matching needs from a policy."""

    @property
    def category(self) -> TicketCategory | None: ...
    @property
    def priority(self) -> TicketPriority | None: ...
    @property
    def active(self) -> bool: ...
    @property
    def created_at(self) -> datetime: ...


P = TypeVar("P", bound=PolicyLike)


def specificity(policy: PolicyLike) -> int:
    """How specific a policy is: category and priority (3) > category (2) > priority (1) > any (0)."""
    return (2 if policy.category is not None else 0) + (1 if policy.priority is not None else 0)


def matches(policy: PolicyLike, category: TicketCategory, priority: TicketPriority) -> bool:
    """Whether an active policy applies to a ticket (an empty category or priority matches any)."""
    return policy.active and policy.category in (None, category) and policy.priority in (None, priority)


def match_policy(policies: Sequence[P], category: TicketCategory, priority: TicketPriority) -> P | None:
    """The policy a new ticket gets: the most specific matching one; on a tie, the oldest."""
    candidates = [p for p in policies if matches(p, category, priority)]
    if not candidates:
        return None
    return min(candidates, key=lambda p: (-specificity(p), p.created_at))


# ---------------------------------------------------------------------------------------------
# A policy's milestone chain


class MilestoneSpecLike(Protocol):
    """What checking a chain needs from a milestone as written in a policy."""

    @property
    def key(self) -> str: ...
    @property
    def target_minutes(self) -> int | None: ...
    @property
    def same_day(self) -> bool: ...


def chain_problem(milestones: Sequence[MilestoneSpecLike]) -> tuple[str, str] | None:
    """The first fault of a policy's chain as ``(field, message)`` (``milestones[i].key``...), or
    ``None``: each milestone needs its own key, and either a target in minutes or ``same_day``."""
    keys: set[str] = set()
    for index, milestone in enumerate(milestones):
        where = f"milestones[{index}]"
        if milestone.key in keys:
            return f"{where}.key", "each milestone needs its own key"
        keys.add(milestone.key)
        if (milestone.target_minutes is None) == (not milestone.same_day):
            return f"{where}.target_minutes", "give either a target in minutes or same_day, not both"
    return None


# ---------------------------------------------------------------------------------------------
# Status changes and pauses

#: Status changes a ticket may make (closing goes through the close action).
TRANSITIONS: dict[TicketStatus, frozenset[TicketStatus]] = {
    TicketStatus.OPEN: frozenset({TicketStatus.IN_PROGRESS, TicketStatus.WAITING, TicketStatus.RESOLVED}),
    TicketStatus.IN_PROGRESS: frozenset({TicketStatus.OPEN, TicketStatus.WAITING, TicketStatus.RESOLVED}),
    TicketStatus.WAITING: frozenset({TicketStatus.OPEN, TicketStatus.IN_PROGRESS, TicketStatus.RESOLVED}),
    TicketStatus.RESOLVED: frozenset({TicketStatus.IN_PROGRESS}),
    TicketStatus.CLOSED: frozenset(),
}
#: Statuses in which milestones are not measured: no breach is marked or alerted while a ticket
#: is in one. The clocks keep running (only ``waiting`` pauses them), so a milestone reached while
#: the ticket is resolved (a callback, 回访) or still open when it is reopened is judged against
#: its due time.
FINISHED = frozenset({TicketStatus.RESOLVED, TicketStatus.CLOSED})


def can_change(current: TicketStatus, target: TicketStatus) -> bool:
    """Whether a ticket in ``current`` may move to ``target`` by a status change."""
    return target in TRANSITIONS[current]


def allowed_targets(current: TicketStatus) -> list[TicketStatus]:
    """The statuses a ticket in ``current`` may move to, in workflow order (for messages, menus)."""
    return [status for status in TicketStatus if status in TRANSITIONS[current]]


def transition_problem(current: TicketStatus, target: TicketStatus) -> str | None:
    """Why a ticket in ``current`` cannot become ``target`` (naming the allowed moves), or None."""
    if target is current or can_change(current, target):
        return None
    allowed = ", ".join(s.value for s in allowed_targets(current)) or "none (close it or leave it)"
    return f"A {current.value} ticket cannot become {target.value}; allowed: {allowed}."


class StatusAction(enum.StrEnum):
    """What a status change means to the person pressing its button (one button per target)."""

    START = "start"
    WAIT = "wait"
    #: Waiting -> in progress: the customer answered; the SLA clocks run again.
    RESUME = "resume"
    #: Back to the open queue (from in progress or waiting: the clocks run again if paused).
    REQUEUE = "requeue"
    RESOLVE = "resolve"
    #: Resolved -> in progress: the fix did not hold.
    REOPEN = "reopen"


def status_action(current: TicketStatus, target: TicketStatus) -> StatusAction | None:
    """The action a move from ``current`` to ``target`` is, or None when the move is not allowed.

    Each allowed target of a status has its own action, so no two buttons of a ticket read alike.
    """
    if not can_change(current, target):
        return None
    if target is TicketStatus.WAITING:
        return StatusAction.WAIT
    if target is TicketStatus.RESOLVED:
        return StatusAction.RESOLVE
    if target is TicketStatus.OPEN:
        return StatusAction.REQUEUE
    # target is in progress
    if current is TicketStatus.WAITING:
        return StatusAction.RESUME
    if current is TicketStatus.RESOLVED:
        return StatusAction.REOPEN
    return StatusAction.START


def status_actions(current: TicketStatus) -> list[tuple[TicketStatus, StatusAction]]:
    """Every allowed move of a ticket in ``current`` with its action, in workflow order."""
    return [
        (target, action) for target in allowed_targets(current) if (action := status_action(current, target))
    ]


def can_close(current: TicketStatus) -> bool:
    """Any ticket not yet closed may be closed."""
    return current is not TicketStatus.CLOSED


def pauses_from_status_changes(changes: Sequence[tuple[datetime, TicketStatus]]) -> list[Interval]:
    """Paused stretches from a ticket's status changes ``(when, new status)`` in time order.

    A pause starts when the ticket enters ``waiting`` and ends when it leaves it; a pause still
    running has no end (``None``).
    """
    pauses: list[Interval] = []
    started: datetime | None = None
    for moment, status in changes:
        if status is TicketStatus.WAITING and started is None:
            started = moment
        elif status is not TicketStatus.WAITING and started is not None:
            pauses.append((started, moment))
            started = None
    if started is not None:
        pauses.append((started, None))
    return pauses


# ---------------------------------------------------------------------------------------------
# Due times and states


@dataclass(frozen=True, slots=True)
class MilestoneClock:
    """A milestone's target and whether (when) it was met."""

    target_minutes: int | None
    same_day: bool
    anchor: SlaAnchor
    met_at: datetime | None = None


def anchor_time(milestones: Sequence[MilestoneClock], index: int, created_at: datetime) -> datetime | None:
    """When milestone ``index``'s clock starts; ``None`` while its previous milestone is not met."""
    milestone = milestones[index]
    if milestone.anchor is SlaAnchor.CREATED or index == 0:
        return created_at
    return milestones[index - 1].met_at


def due_time(
    milestone: MilestoneClock,
    anchor: datetime | None,
    *,
    pauses: Sequence[Interval] = (),
    calendar: BusinessCalendar | None = None,
    time_zone: str = "UTC",
) -> datetime | None:
    """When the milestone is due; ``None`` when its clock has not started or is paused."""
    if anchor is None:
        return None
    if milestone.same_day:
        return end_of_local_day(anchor, time_zone)
    assert milestone.target_minutes is not None
    return add_counted_minutes(
        anchor, milestone.target_minutes, pauses=pauses, calendar=calendar, time_zone=time_zone
    )


def due_times(
    milestones: Sequence[MilestoneClock],
    created_at: datetime,
    *,
    pauses: Sequence[Interval] = (),
    calendar: BusinessCalendar | None = None,
    time_zone: str = "UTC",
) -> list[datetime | None]:
    """Every milestone's due time, in chain order."""
    return [
        due_time(
            m, anchor_time(milestones, i, created_at), pauses=pauses, calendar=calendar, time_zone=time_zone
        )
        for i, m in enumerate(milestones)
    ]


class MilestoneState(enum.StrEnum):
    """What a milestone shows."""

    MET = "met"
    BREACHED = "breached"
    #: The clock runs: due in ``due_in_seconds``.
    DUE = "due"
    #: The ticket is waiting: the clock is stopped.
    PAUSED = "paused"
    #: Its anchor (the previous milestone) is not met yet.
    NOT_STARTED = "not_started"
    #: The ticket was resolved or closed before this milestone was met (no longer measured).
    STOPPED = "stopped"


def milestone_state(
    *,
    due_at: datetime | None,
    met_at: datetime | None,
    breached_at: datetime | None,
    anchor_reached: bool,
    finished: bool,
    now: datetime,
) -> tuple[MilestoneState, int | None]:
    """The milestone's state and, while due, the seconds left (negative never: that is a breach)."""
    if met_at is not None:
        late = breached_at is not None or (due_at is not None and met_at > due_at)
        return (MilestoneState.BREACHED if late else MilestoneState.MET), None
    if breached_at is not None:
        return MilestoneState.BREACHED, None
    # A resolved ticket is not measured: its clocks keep their due times (reaching a milestone
    # then, or reopening the ticket, is judged against them) but nothing breaches meanwhile.
    if finished:
        return MilestoneState.STOPPED, None
    if not anchor_reached:
        return MilestoneState.NOT_STARTED, None
    if due_at is None:
        return MilestoneState.PAUSED, None
    if now >= due_at:
        return MilestoneState.BREACHED, None
    return MilestoneState.DUE, int((due_at - now).total_seconds())


def is_late(due_at: datetime | None, at: datetime) -> bool:
    """Whether reaching a milestone ``at`` this moment is past its due time."""
    return due_at is not None and at > due_at


def paused_seconds(pauses: Sequence[Interval], start: datetime | None, end: datetime) -> int:
    """How long the clock stood still (the ticket waiting) between ``start`` and ``end``: the
    explanation of a due time that moved later than its target."""
    if start is None or end <= start:
        return 0
    total = 0.0
    for paused_from, paused_to in pauses:
        lower = max(paused_from, start)
        upper = min(paused_to or end, end)
        if upper > lower:
            total += (upper - lower).total_seconds()
    return int(total)


# ---------------------------------------------------------------------------------------------
# Re-matching the policy when the priority changes


class MilestoneFactLike(Protocol):
    """What re-chaining needs from a ticket's milestone."""

    @property
    def key(self) -> str: ...
    @property
    def met_at(self) -> datetime | None: ...
    @property
    def breached_at(self) -> datetime | None: ...


@dataclass(frozen=True, slots=True)
class Rechain:
    """A ticket's milestone chain after its policy changed.

    ``kept``: keys of milestones already met or breached (facts stay as they happened, wherever
    the new chain puts them); ``retargeted``: keys in both chains still running (they take the
    new policy's target); ``added``: keys only the new policy has; ``dropped``: keys still running
    that the new policy does not have. ``order``: the chain's keys in their new order (the new
    policy's chain, then kept facts it does not have).
    """

    kept: tuple[str, ...]
    retargeted: tuple[str, ...]
    added: tuple[str, ...]
    dropped: tuple[str, ...]
    order: tuple[str, ...]


def rechain(current: Sequence[MilestoneFactLike], new_keys: Sequence[str]) -> Rechain:
    """How a ticket's milestones follow a newly matched policy (``new_keys``: its chain; empty
    when no policy matches any more)."""
    facts = {m.key for m in current if m.met_at is not None or m.breached_at is not None}
    running = {m.key for m in current} - facts
    wanted = set(new_keys)
    kept = tuple(m.key for m in current if m.key in facts)
    order = tuple(new_keys) + tuple(k for k in kept if k not in wanted)
    return Rechain(
        kept=kept,
        retargeted=tuple(k for k in new_keys if k in running),
        added=tuple(k for k in new_keys if k not in running and k not in facts),
        dropped=tuple(m.key for m in current if m.key in running and m.key not in wanted),
        order=order,
    )
