from typing import Literal

SettlementStatus = Literal["awaiting_approval", "recorded", "rejected"]

SETTLEMENT_STATUS_VALUES: set[SettlementStatus] = {
    "awaiting_approval",
    "recorded",
    "rejected",
}


def check_settlement_status(value: str) -> SettlementStatus:
    if value in SETTLEMENT_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SETTLEMENT_STATUS_VALUES!r}")
