from typing import Literal

DescriptionStatus = Literal["approved", "draft", "in_approval", "superseded"]

DESCRIPTION_STATUS_VALUES: set[DescriptionStatus] = {
    "approved",
    "draft",
    "in_approval",
    "superseded",
}


def check_description_status(value: str) -> DescriptionStatus:
    if value in DESCRIPTION_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DESCRIPTION_STATUS_VALUES!r}")
