from typing import Literal

StatementStatus = Literal["approved", "draft", "in_approval", "issued"]

STATEMENT_STATUS_VALUES: set[StatementStatus] = {
    "approved",
    "draft",
    "in_approval",
    "issued",
}


def check_statement_status(value: str) -> StatementStatus:
    if value in STATEMENT_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {STATEMENT_STATUS_VALUES!r}")
