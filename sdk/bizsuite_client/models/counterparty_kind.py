from typing import Literal

CounterpartyKind = Literal["subcontractor", "supplier"]

COUNTERPARTY_KIND_VALUES: set[CounterpartyKind] = {
    "subcontractor",
    "supplier",
}


def check_counterparty_kind(value: str) -> CounterpartyKind:
    if value in COUNTERPARTY_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {COUNTERPARTY_KIND_VALUES!r}")
