from typing import Literal

AdjustmentStatus = Literal["applied", "in_approval", "returned"]

ADJUSTMENT_STATUS_VALUES: set[AdjustmentStatus] = {
    "applied",
    "in_approval",
    "returned",
}


def check_adjustment_status(value: str) -> AdjustmentStatus:
    if value in ADJUSTMENT_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ADJUSTMENT_STATUS_VALUES!r}")
