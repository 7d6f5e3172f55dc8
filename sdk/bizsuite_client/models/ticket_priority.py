from typing import Literal

TicketPriority = Literal["high", "low", "normal", "urgent"]

TICKET_PRIORITY_VALUES: set[TicketPriority] = {
    "high",
    "low",
    "normal",
    "urgent",
}


def check_ticket_priority(value: str) -> TicketPriority:
    if value in TICKET_PRIORITY_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {TICKET_PRIORITY_VALUES!r}")
