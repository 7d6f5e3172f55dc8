from typing import Literal

ImportStatus = Literal["completed", "failed", "previewed", "rejected", "running"]

IMPORT_STATUS_VALUES: set[ImportStatus] = {
    "completed",
    "failed",
    "previewed",
    "rejected",
    "running",
}


def check_import_status(value: str) -> ImportStatus:
    if value in IMPORT_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {IMPORT_STATUS_VALUES!r}")
