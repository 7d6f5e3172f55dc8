from typing import Literal

OpportunityStatus = Literal["lost", "open", "won"]

OPPORTUNITY_STATUS_VALUES: set[OpportunityStatus] = {
    "lost",
    "open",
    "won",
}


def check_opportunity_status(value: str) -> OpportunityStatus:
    if value in OPPORTUNITY_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {OPPORTUNITY_STATUS_VALUES!r}")
