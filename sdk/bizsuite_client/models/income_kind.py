from typing import Literal

IncomeKind = Literal["labour_services", "other", "rent"]

INCOME_KIND_VALUES: set[IncomeKind] = {
    "labour_services",
    "other",
    "rent",
}


def check_income_kind(value: str) -> IncomeKind:
    if value in INCOME_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {INCOME_KIND_VALUES!r}")
