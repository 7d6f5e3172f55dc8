from typing import Literal

ComponentKind = Literal["band_settlement", "income_share", "profit_share", "volume_rate"]

COMPONENT_KIND_VALUES: set[ComponentKind] = {
    "band_settlement",
    "income_share",
    "profit_share",
    "volume_rate",
}


def check_component_kind(value: str) -> ComponentKind:
    if value in COMPONENT_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {COMPONENT_KIND_VALUES!r}")
