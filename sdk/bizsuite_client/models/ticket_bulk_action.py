from typing import Literal

TicketBulkAction = Literal["assign", "priority"]

TICKET_BULK_ACTION_VALUES: set[TicketBulkAction] = {
    "assign",
    "priority",
}


def check_ticket_bulk_action(value: str) -> TicketBulkAction:
    if value in TICKET_BULK_ACTION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {TICKET_BULK_ACTION_VALUES!r}")
