from typing import Literal

AccountStatus = Literal["active", "archived"]

ACCOUNT_STATUS_VALUES: set[AccountStatus] = {
    "active",
    "archived",
}


def check_account_status(value: str) -> AccountStatus:
    if value in ACCOUNT_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ACCOUNT_STATUS_VALUES!r}")
