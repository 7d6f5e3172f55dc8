from typing import Literal

ExpenseKind = Literal["advance", "reimbursement", "request"]

EXPENSE_KIND_VALUES: set[ExpenseKind] = {
    "advance",
    "reimbursement",
    "request",
}


def check_expense_kind(value: str) -> ExpenseKind:
    if value in EXPENSE_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {EXPENSE_KIND_VALUES!r}")
