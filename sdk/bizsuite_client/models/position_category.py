from typing import Literal

PositionCategory = Literal["management", "operations", "professional", "sales", "support", "technical"]

POSITION_CATEGORY_VALUES: set[PositionCategory] = {
    "management",
    "operations",
    "professional",
    "sales",
    "support",
    "technical",
}


def check_position_category(value: str) -> PositionCategory:
    if value in POSITION_CATEGORY_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {POSITION_CATEGORY_VALUES!r}")
