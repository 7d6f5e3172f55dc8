from typing import Literal

ExpenseStatus = Literal["approved", "in_approval", "paid", "returned", "settled"]

EXPENSE_STATUS_VALUES: set[ExpenseStatus] = {
    "approved",
    "in_approval",
    "paid",
    "returned",
    "settled",
}


def check_expense_status(value: str) -> ExpenseStatus:
    if value in EXPENSE_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {EXPENSE_STATUS_VALUES!r}")
