from typing import Literal

StepStatus = Literal["approved", "cancelled", "pending", "rejected", "skipped", "waiting"]

STEP_STATUS_VALUES: set[StepStatus] = {
    "approved",
    "cancelled",
    "pending",
    "rejected",
    "skipped",
    "waiting",
}


def check_step_status(value: str) -> StepStatus:
    if value in STEP_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {STEP_STATUS_VALUES!r}")
