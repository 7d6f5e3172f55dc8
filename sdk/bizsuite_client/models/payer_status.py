from typing import Literal

PayerStatus = Literal["billed", "excluded", "not_wholly_owned"]

PAYER_STATUS_VALUES: set[PayerStatus] = {
    "billed",
    "excluded",
    "not_wholly_owned",
}


def check_payer_status(value: str) -> PayerStatus:
    if value in PAYER_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PAYER_STATUS_VALUES!r}")
