from typing import Literal

Severity = Literal["critical", "info", "warning"]

SEVERITY_VALUES: set[Severity] = {
    "critical",
    "info",
    "warning",
}


def check_severity(value: str) -> Severity:
    if value in SEVERITY_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SEVERITY_VALUES!r}")
