from typing import Literal

DueState = Literal["overdue", "planned", "today"]

DUE_STATE_VALUES: set[DueState] = {
    "overdue",
    "planned",
    "today",
}


def check_due_state(value: str) -> DueState:
    if value in DUE_STATE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DUE_STATE_VALUES!r}")
