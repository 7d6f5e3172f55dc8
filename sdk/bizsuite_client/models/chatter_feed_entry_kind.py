from typing import Literal

ChatterFeedEntryKind = Literal["activity_done", "change", "created", "note"]

CHATTER_FEED_ENTRY_KIND_VALUES: set[ChatterFeedEntryKind] = {
    "activity_done",
    "change",
    "created",
    "note",
}


def check_chatter_feed_entry_kind(value: str) -> ChatterFeedEntryKind:
    if value in CHATTER_FEED_ENTRY_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CHATTER_FEED_ENTRY_KIND_VALUES!r}")
