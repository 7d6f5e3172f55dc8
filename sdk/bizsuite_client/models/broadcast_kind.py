from typing import Literal

BroadcastKind = Literal["emergency", "paging"]

BROADCAST_KIND_VALUES: set[BroadcastKind] = {
    "emergency",
    "paging",
}


def check_broadcast_kind(value: str) -> BroadcastKind:
    if value in BROADCAST_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {BROADCAST_KIND_VALUES!r}")
