from typing import Literal

CustomsDirection = Literal["export", "import"]

CUSTOMS_DIRECTION_VALUES: set[CustomsDirection] = {
    "export",
    "import",
}


def check_customs_direction(value: str) -> CustomsDirection:
    if value in CUSTOMS_DIRECTION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CUSTOMS_DIRECTION_VALUES!r}")
