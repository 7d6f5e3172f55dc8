"""Request and response bodies for SLA policies and service tickets."""

from __future__ import annotations

import enum
import uuid
from datetime import datetime
from typing import Annotated

import msgspec

from bizsuite.modules.crm.models import (
    SlaAnchor,
    TicketCategory,
    TicketEventKind,
    TicketPriority,
    TicketStatus,
)
from bizsuite.modules.crm.tickets.rules import MilestoneState

Code = Annotated[str, msgspec.Meta(min_length=1, max_length=50, pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")]
MilestoneKey = Annotated[
    str, msgspec.Meta(min_length=1, max_length=50, pattern=r"^[a-z][a-z0-9_]*$", examples=["on_site"])
]
#: Text PostgreSQL can store (no NUL character), and for names not blank either: so that such input
#: is refused naming its field rather than failing in the database.
NO_NUL = r"^[^\x00]*$"
NOT_BLANK = r"^[^\x00]*[^\x00\s][^\x00]*$"
Name = Annotated[str, msgspec.Meta(min_length=1, max_length=200, pattern=NOT_BLANK)]
Title = Annotated[str, msgspec.Meta(min_length=1, max_length=200, pattern=NOT_BLANK)]
LongText = Annotated[str, msgspec.Meta(max_length=10_000, pattern=NO_NUL)]
Reason = Annotated[str, msgspec.Meta(min_length=1, max_length=500, pattern=NOT_BLANK)]
Note = Annotated[str, msgspec.Meta(max_length=2000, pattern=NO_NUL)]
#: At most a year.
TargetMinutes = Annotated[int, msgspec.Meta(ge=1, le=525_600)]
Satisfaction = Annotated[int, msgspec.Meta(ge=1, le=5, description="1 (very unhappy) .. 5 (very happy).")]


class SlaMilestoneIn(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """One milestone of a policy: a target in minutes, or ``same_day`` (end of the anchor's local day)."""

    key: MilestoneKey
    name: Name
    target_minutes: TargetMinutes | None = None
    same_day: bool = False
    #: ``created``: counted from ticket creation; ``previous``: from when the previous milestone was met.
    anchor: SlaAnchor = SlaAnchor.CREATED
    #: Recording a reason in time counts as meeting it (e.g. "complete within 24 h or explain").
    reason_allowed: bool = False


Milestones = Annotated[list[SlaMilestoneIn], msgspec.Meta(min_length=1, max_length=20)]


class SlaPolicyIn(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A policy: which tickets it matches (empty: any) and its chain of milestones, in order."""

    code: Code
    name: Name
    category: TicketCategory | None = None
    priority: TicketPriority | None = None
    active: bool = True
    milestones: Milestones


class SlaMilestoneOut(msgspec.Struct, kw_only=True):
    """A policy milestone."""

    key: str
    name: str
    position: int
    target_minutes: int | None
    same_day: bool
    anchor: SlaAnchor
    reason_allowed: bool


class SlaPolicyOut(msgspec.Struct, kw_only=True):
    """A policy with its milestones in chain order."""

    id: uuid.UUID
    code: str
    name: str
    category: TicketCategory | None
    priority: TicketPriority | None
    active: bool
    milestones: list[SlaMilestoneOut]
    created_at: datetime
    updated_at: datetime
    version: int


class SlaPolicyPage(msgspec.Struct, kw_only=True):
    """A page of policies, oldest first."""

    items: list[SlaPolicyOut]
    next_cursor: str | None


class TicketCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A new ticket; its SLA policy is matched by category and priority, and it is routed to the
    owner of the account's zone (片区管家) when zone routing is on and no assignee is given."""

    account_id: uuid.UUID
    title: Title
    category: TicketCategory
    priority: TicketPriority = TicketPriority.NORMAL
    description: LongText | None = None
    contact_id: uuid.UUID | None = None
    assignee_user_id: uuid.UUID | None = None


class TicketUpdate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Fields to change; omitted fields keep their value, ``null`` clears the description, the
    contact or the assignee. Send ``If-Match: <version>``."""

    title: Title | msgspec.UnsetType = msgspec.UNSET
    description: LongText | msgspec.UnsetType | None = msgspec.UNSET
    priority: TicketPriority | msgspec.UnsetType = msgspec.UNSET
    contact_id: uuid.UUID | msgspec.UnsetType | None = msgspec.UNSET
    assignee_user_id: uuid.UUID | msgspec.UnsetType | None = msgspec.UNSET


class TicketFilters(msgspec.Struct, frozen=True, kw_only=True):
    """The ticket list's filters (all optional): the API list, the tickets page and its export."""

    status: TicketStatus | None = None
    category: TicketCategory | None = None
    priority: TicketPriority | None = None
    assignee_user_id: uuid.UUID | None = None
    account_id: uuid.UUID | None = None
    #: Tickets with (``true``) or without (``false``) a breached milestone.
    breached: bool | None = None
    #: Text anywhere in the title (any case), or the number (``T-000123`` or ``123``).
    q: str | None = None


class TicketStatusChange(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Move the ticket: ``waiting`` pauses its SLA clocks, leaving it resumes them."""

    status: TicketStatus
    note: Note | None = None


class MilestoneCompletion(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Mark a milestone reached now; ``reason`` only where the milestone allows one."""

    reason: Reason | None = None


class TicketClose(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Close the ticket; complaints need the customer's ``satisfaction`` (1..5)."""

    satisfaction: Satisfaction | None = None
    close_note: Note | None = None


class TicketMilestoneOut(msgspec.Struct, kw_only=True):
    """A ticket's milestone and where it stands: met, breached, due (in ``due_in_seconds``)..."""

    key: str
    name: str
    position: int
    target_minutes: int | None
    same_day: bool
    anchor: SlaAnchor
    reason_allowed: bool
    due_at: datetime | None
    met_at: datetime | None
    breached_at: datetime | None
    reason: str | None
    state: MilestoneState
    due_in_seconds: int | None
    #: The due time's inputs: when this milestone's clock started (``null`` until its previous
    #: milestone is reached) and how long it stood still (the ticket waiting) since. Due time =
    #: ``anchor_at`` + target (working hours only with a business calendar) + paused time; a
    #: same-day target is due at the end of ``anchor_at``'s day in the tenant's time zone.
    anchor_at: datetime | None = None
    paused_seconds: int = 0


class TicketOut(msgspec.Struct, kw_only=True):
    """A service ticket with its SLA milestones."""

    id: uuid.UUID
    number: str
    account_id: uuid.UUID
    contact_id: uuid.UUID | None
    title: str
    description: str | None
    category: TicketCategory
    priority: TicketPriority
    status: TicketStatus
    assignee_user_id: uuid.UUID | None
    zone_id: uuid.UUID | None
    policy_id: uuid.UUID | None
    #: The matched SLA policy's name (re-matched when the priority changes).
    policy_name: str | None = None
    account_name: str = ""
    assignee_name: str | None = None
    satisfaction: int | None
    close_note: str | None
    resolved_at: datetime | None
    closed_at: datetime | None
    #: Whether any milestone is breached.
    breached: bool
    milestones: list[TicketMilestoneOut]
    created_by: str
    created_at: datetime
    updated_at: datetime
    version: int


class TicketPage(msgspec.Struct, kw_only=True):
    """A page of tickets in the asked order (newest first by default)."""

    items: list[TicketOut]
    next_cursor: str | None
    #: Pass as ``before`` for the page before this one (``null`` on the first page).
    previous_cursor: str | None = None
    #: How many tickets the filters leave, when asked for with ``count=true``.
    total: int | None = None


class TicketBulkAction(enum.StrEnum):
    """What a bulk change does to every selected ticket."""

    ASSIGN = "assign"
    PRIORITY = "priority"


class TicketBulk(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """One change to several tickets, all or nothing: ``assign`` needs ``assignee_user_id``,
    ``priority`` needs ``priority`` (the SLA policy is matched again, as for one ticket)."""

    ids: Annotated[list[uuid.UUID], msgspec.Meta(min_length=1, max_length=500)]
    action: TicketBulkAction
    assignee_user_id: uuid.UUID | None = None
    priority: TicketPriority | None = None


class TicketBulkResult(msgspec.Struct, kw_only=True):
    """What a bulk change did: tickets changed, and those already as asked (left alone)."""

    changed: int
    unchanged: int


class TicketEventOut(msgspec.Struct, kw_only=True):
    """An entry of a ticket's history."""

    id: uuid.UUID
    kind: TicketEventKind
    from_status: TicketStatus | None
    to_status: TicketStatus | None
    milestone_key: str | None
    #: The milestone's name (as its policy names it), for ``milestone_met`` and ``sla_breached``.
    milestone_name: str | None = None
    #: ``reassigned``: the old and new assignee's names; ``priority_changed``: the old and new
    #: priority; ``policy_changed``: the old and new SLA policy's names (``null``: none).
    from_value: str | None = None
    to_value: str | None = None
    note: str | None
    actor_label: str
    occurred_at: datetime


class TicketEventPage(msgspec.Struct, kw_only=True):
    """A page of a ticket's history, oldest first."""

    items: list[TicketEventOut]
    next_cursor: str | None
