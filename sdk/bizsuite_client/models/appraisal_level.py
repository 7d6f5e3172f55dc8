from typing import Literal

AppraisalLevel = Literal["excellent", "fair", "good", "poor"]

APPRAISAL_LEVEL_VALUES: set[AppraisalLevel] = {
    "excellent",
    "fair",
    "good",
    "poor",
}


def check_appraisal_level(value: str) -> AppraisalLevel:
    if value in APPRAISAL_LEVEL_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {APPRAISAL_LEVEL_VALUES!r}")
