from typing import Literal

GetContractsLedgerBy = Literal["counterparty", "month", "project", "status"]

GET_CONTRACTS_LEDGER_BY_VALUES: set[GetContractsLedgerBy] = {
    "counterparty",
    "month",
    "project",
    "status",
}


def check_get_contracts_ledger_by(value: str) -> GetContractsLedgerBy:
    if value in GET_CONTRACTS_LEDGER_BY_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_CONTRACTS_LEDGER_BY_VALUES!r}")
