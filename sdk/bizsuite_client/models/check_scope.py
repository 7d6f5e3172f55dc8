from typing import Literal

CheckScope = Literal["both", "cumulative", "period"]

CHECK_SCOPE_VALUES: set[CheckScope] = {
    "both",
    "cumulative",
    "period",
}


def check_check_scope(value: str) -> CheckScope:
    if value in CHECK_SCOPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CHECK_SCOPE_VALUES!r}")
