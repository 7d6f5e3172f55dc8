from typing import Literal

StageKind = Literal["lost", "open", "won"]

STAGE_KIND_VALUES: set[StageKind] = {
    "lost",
    "open",
    "won",
}


def check_stage_kind(value: str) -> StageKind:
    if value in STAGE_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {STAGE_KIND_VALUES!r}")
