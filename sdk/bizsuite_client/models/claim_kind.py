from typing import Literal

ClaimKind = Literal["claim", "delay"]

CLAIM_KIND_VALUES: set[ClaimKind] = {
    "claim",
    "delay",
}


def check_claim_kind(value: str) -> ClaimKind:
    if value in CLAIM_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CLAIM_KIND_VALUES!r}")
