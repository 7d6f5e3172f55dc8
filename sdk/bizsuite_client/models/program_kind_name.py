from typing import Literal

ProgramKindName = Literal["announcement", "emergency", "music", "paging"]

PROGRAM_KIND_NAME_VALUES: set[ProgramKindName] = {
    "announcement",
    "emergency",
    "music",
    "paging",
}


def check_program_kind_name(value: str) -> ProgramKindName:
    if value in PROGRAM_KIND_NAME_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PROGRAM_KIND_NAME_VALUES!r}")
