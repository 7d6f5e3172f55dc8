from typing import Literal

TicketCategory = Literal["complaint", "elevator_fault", "fault", "inquiry", "repair", "request"]

TICKET_CATEGORY_VALUES: set[TicketCategory] = {
    "complaint",
    "elevator_fault",
    "fault",
    "inquiry",
    "repair",
    "request",
}


def check_ticket_category(value: str) -> TicketCategory:
    if value in TICKET_CATEGORY_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {TICKET_CATEGORY_VALUES!r}")
