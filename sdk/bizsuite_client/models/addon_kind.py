from typing import Literal

AddonKind = Literal["accounts", "api_calls_month", "module", "seats", "storage_mb", "venues"]

ADDON_KIND_VALUES: set[AddonKind] = {
    "accounts",
    "api_calls_month",
    "module",
    "seats",
    "storage_mb",
    "venues",
}


def check_addon_kind(value: str) -> AddonKind:
    if value in ADDON_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ADDON_KIND_VALUES!r}")
