from typing import Literal

RaterRole = Literal["incumbent", "manager"]

RATER_ROLE_VALUES: set[RaterRole] = {
    "incumbent",
    "manager",
}


def check_rater_role(value: str) -> RaterRole:
    if value in RATER_ROLE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RATER_ROLE_VALUES!r}")
