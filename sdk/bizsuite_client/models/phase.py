from typing import Literal

Phase = Literal["active", "canceled", "grace", "past_due", "suspended", "trial"]

PHASE_VALUES: set[Phase] = {
    "active",
    "canceled",
    "grace",
    "past_due",
    "suspended",
    "trial",
}


def check_phase(value: str) -> Phase:
    if value in PHASE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PHASE_VALUES!r}")
