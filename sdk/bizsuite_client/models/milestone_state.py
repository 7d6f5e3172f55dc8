from typing import Literal

MilestoneState = Literal["breached", "due", "met", "not_started", "paused", "stopped"]

MILESTONE_STATE_VALUES: set[MilestoneState] = {
    "breached",
    "due",
    "met",
    "not_started",
    "paused",
    "stopped",
}


def check_milestone_state(value: str) -> MilestoneState:
    if value in MILESTONE_STATE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {MILESTONE_STATE_VALUES!r}")
