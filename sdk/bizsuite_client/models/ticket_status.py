from typing import Literal

TicketStatus = Literal["closed", "in_progress", "open", "resolved", "waiting"]

TICKET_STATUS_VALUES: set[TicketStatus] = {
    "closed",
    "in_progress",
    "open",
    "resolved",
    "waiting",
}


def check_ticket_status(value: str) -> TicketStatus:
    if value in TICKET_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {TICKET_STATUS_VALUES!r}")
