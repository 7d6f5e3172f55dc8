from typing import Literal

AccountBulkAction = Literal["archive", "assign", "restore"]

ACCOUNT_BULK_ACTION_VALUES: set[AccountBulkAction] = {
    "archive",
    "assign",
    "restore",
}


def check_account_bulk_action(value: str) -> AccountBulkAction:
    if value in ACCOUNT_BULK_ACTION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ACCOUNT_BULK_ACTION_VALUES!r}")
