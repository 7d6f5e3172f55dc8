from typing import Literal

LineMethod = Literal["fixed", "incremental", "ratio"]

LINE_METHOD_VALUES: set[LineMethod] = {
    "fixed",
    "incremental",
    "ratio",
}


def check_line_method(value: str) -> LineMethod:
    if value in LINE_METHOD_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LINE_METHOD_VALUES!r}")
