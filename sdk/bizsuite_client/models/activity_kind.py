from typing import Literal

ActivityKind = Literal["call", "note", "visit"]

ACTIVITY_KIND_VALUES: set[ActivityKind] = {
    "call",
    "note",
    "visit",
}


def check_activity_kind(value: str) -> ActivityKind:
    if value in ACTIVITY_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ACTIVITY_KIND_VALUES!r}")
