from typing import Literal

ControlMode = Literal["hard", "off", "soft", "warn"]

CONTROL_MODE_VALUES: set[ControlMode] = {
    "hard",
    "off",
    "soft",
    "warn",
}


def check_control_mode(value: str) -> ControlMode:
    if value in CONTROL_MODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CONTROL_MODE_VALUES!r}")
