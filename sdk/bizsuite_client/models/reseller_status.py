from typing import Literal

ResellerStatus = Literal["active", "suspended"]

RESELLER_STATUS_VALUES: set[ResellerStatus] = {
    "active",
    "suspended",
}


def check_reseller_status(value: str) -> ResellerStatus:
    if value in RESELLER_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RESELLER_STATUS_VALUES!r}")
