from typing import Literal

ActivityType = Literal["call", "email", "meeting", "todo"]

ACTIVITY_TYPE_VALUES: set[ActivityType] = {
    "call",
    "email",
    "meeting",
    "todo",
}


def check_activity_type(value: str) -> ActivityType:
    if value in ACTIVITY_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ACTIVITY_TYPE_VALUES!r}")
