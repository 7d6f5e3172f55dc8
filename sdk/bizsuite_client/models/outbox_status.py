from typing import Literal

OutboxStatus = Literal["failed", "recorded", "sent"]

OUTBOX_STATUS_VALUES: set[OutboxStatus] = {
    "failed",
    "recorded",
    "sent",
}


def check_outbox_status(value: str) -> OutboxStatus:
    if value in OUTBOX_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {OUTBOX_STATUS_VALUES!r}")
