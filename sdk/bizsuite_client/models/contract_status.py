from typing import Literal

ContractStatus = Literal["active", "approved", "completed", "draft", "expired", "in_approval", "terminated"]

CONTRACT_STATUS_VALUES: set[ContractStatus] = {
    "active",
    "approved",
    "completed",
    "draft",
    "expired",
    "in_approval",
    "terminated",
}


def check_contract_status(value: str) -> ContractStatus:
    if value in CONTRACT_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CONTRACT_STATUS_VALUES!r}")
