from typing import Literal

PersonalAccess = Literal["hr", "line_manager", "self"]

PERSONAL_ACCESS_VALUES: set[PersonalAccess] = {
    "hr",
    "line_manager",
    "self",
}


def check_personal_access(value: str) -> PersonalAccess:
    if value in PERSONAL_ACCESS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PERSONAL_ACCESS_VALUES!r}")
