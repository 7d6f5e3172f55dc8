from typing import Literal

DecisionAction = Literal["approved", "delegated", "rejected", "resubmitted", "submitted", "withdrawn"]

DECISION_ACTION_VALUES: set[DecisionAction] = {
    "approved",
    "delegated",
    "rejected",
    "resubmitted",
    "submitted",
    "withdrawn",
}


def check_decision_action(value: str) -> DecisionAction:
    if value in DECISION_ACTION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DECISION_ACTION_VALUES!r}")
