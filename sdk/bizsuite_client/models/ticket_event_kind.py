from typing import Literal

TicketEventKind = Literal[
    "closed",
    "created",
    "milestone_met",
    "policy_changed",
    "priority_changed",
    "reassigned",
    "sla_breached",
    "status_changed",
]

TICKET_EVENT_KIND_VALUES: set[TicketEventKind] = {
    "closed",
    "created",
    "milestone_met",
    "policy_changed",
    "priority_changed",
    "reassigned",
    "sla_breached",
    "status_changed",
}


def check_ticket_event_kind(value: str) -> TicketEventKind:
    if value in TICKET_EVENT_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {TICKET_EVENT_KIND_VALUES!r}")
