from typing import Literal

ActivityStatus = Literal["done", "planned"]

ACTIVITY_STATUS_VALUES: set[ActivityStatus] = {
    "done",
    "planned",
}


def check_activity_status(value: str) -> ActivityStatus:
    if value in ACTIVITY_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ACTIVITY_STATUS_VALUES!r}")
