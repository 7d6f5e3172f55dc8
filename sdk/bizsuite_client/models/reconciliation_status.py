from typing import Literal

ReconciliationStatus = Literal["confirmed", "disputed", "open"]

RECONCILIATION_STATUS_VALUES: set[ReconciliationStatus] = {
    "confirmed",
    "disputed",
    "open",
}


def check_reconciliation_status(value: str) -> ReconciliationStatus:
    if value in RECONCILIATION_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RECONCILIATION_STATUS_VALUES!r}")
