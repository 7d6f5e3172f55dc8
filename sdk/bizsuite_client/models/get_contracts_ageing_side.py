from typing import Literal

GetContractsAgeingSide = Literal["payable", "receivable"]

GET_CONTRACTS_AGEING_SIDE_VALUES: set[GetContractsAgeingSide] = {
    "payable",
    "receivable",
}


def check_get_contracts_ageing_side(value: str) -> GetContractsAgeingSide:
    if value in GET_CONTRACTS_AGEING_SIDE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_CONTRACTS_AGEING_SIDE_VALUES!r}")
