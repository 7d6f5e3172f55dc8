from typing import Literal

SlaAnchor = Literal["created", "previous"]

SLA_ANCHOR_VALUES: set[SlaAnchor] = {
    "created",
    "previous",
}


def check_sla_anchor(value: str) -> SlaAnchor:
    if value in SLA_ANCHOR_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SLA_ANCHOR_VALUES!r}")
