from typing import Literal

Dimension = Literal[
    "criticality", "information_input", "interpersonal", "mental_processes", "other_aspects", "work_context"
]

DIMENSION_VALUES: set[Dimension] = {
    "criticality",
    "information_input",
    "interpersonal",
    "mental_processes",
    "other_aspects",
    "work_context",
}


def check_dimension(value: str) -> Dimension:
    if value in DIMENSION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DIMENSION_VALUES!r}")
