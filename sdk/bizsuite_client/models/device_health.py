from typing import Literal

DeviceHealth = Literal["fault", "ok", "unknown"]

DEVICE_HEALTH_VALUES: set[DeviceHealth] = {
    "fault",
    "ok",
    "unknown",
}


def check_device_health(value: str) -> DeviceHealth:
    if value in DEVICE_HEALTH_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DEVICE_HEALTH_VALUES!r}")
