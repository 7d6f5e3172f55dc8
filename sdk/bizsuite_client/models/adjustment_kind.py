from typing import Literal

AdjustmentKind = Literal["increase", "transfer"]

ADJUSTMENT_KIND_VALUES: set[AdjustmentKind] = {
    "increase",
    "transfer",
}


def check_adjustment_kind(value: str) -> AdjustmentKind:
    if value in ADJUSTMENT_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ADJUSTMENT_KIND_VALUES!r}")
