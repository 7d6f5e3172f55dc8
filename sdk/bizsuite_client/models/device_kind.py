from typing import Literal

DeviceKind = Literal["amplifier", "paging_station", "player", "speaker"]

DEVICE_KIND_VALUES: set[DeviceKind] = {
    "amplifier",
    "paging_station",
    "player",
    "speaker",
}


def check_device_kind(value: str) -> DeviceKind:
    if value in DEVICE_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DEVICE_KIND_VALUES!r}")
