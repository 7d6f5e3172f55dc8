from typing import Literal

ClaimStatus = Literal["accepted", "open", "rejected", "withdrawn"]

CLAIM_STATUS_VALUES: set[ClaimStatus] = {
    "accepted",
    "open",
    "rejected",
    "withdrawn",
}


def check_claim_status(value: str) -> ClaimStatus:
    if value in CLAIM_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CLAIM_STATUS_VALUES!r}")
