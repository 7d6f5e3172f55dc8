from typing import Literal

BillingInterval = Literal["month", "year"]

BILLING_INTERVAL_VALUES: set[BillingInterval] = {
    "month",
    "year",
}


def check_billing_interval(value: str) -> BillingInterval:
    if value in BILLING_INTERVAL_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {BILLING_INTERVAL_VALUES!r}")
