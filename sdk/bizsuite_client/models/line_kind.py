from typing import Literal

LineKind = Literal["adjustment", "fee", "true_up"]

LINE_KIND_VALUES: set[LineKind] = {
    "adjustment",
    "fee",
    "true_up",
}


def check_line_kind(value: str) -> LineKind:
    if value in LINE_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LINE_KIND_VALUES!r}")
