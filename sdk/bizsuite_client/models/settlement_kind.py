from typing import Literal

SettlementKind = Literal["payment", "receipt"]

SETTLEMENT_KIND_VALUES: set[SettlementKind] = {
    "payment",
    "receipt",
}


def check_settlement_kind(value: str) -> SettlementKind:
    if value in SETTLEMENT_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SETTLEMENT_KIND_VALUES!r}")
