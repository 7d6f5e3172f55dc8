from typing import Literal

PlanStatus = Literal["approved", "draft", "in_approval"]

PLAN_STATUS_VALUES: set[PlanStatus] = {
    "approved",
    "draft",
    "in_approval",
}


def check_plan_status(value: str) -> PlanStatus:
    if value in PLAN_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PLAN_STATUS_VALUES!r}")
