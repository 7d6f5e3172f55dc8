from typing import Literal

ChangeOrderStatus = Literal["approved", "in_approval", "rejected"]

CHANGE_ORDER_STATUS_VALUES: set[ChangeOrderStatus] = {
    "approved",
    "in_approval",
    "rejected",
}


def check_change_order_status(value: str) -> ChangeOrderStatus:
    if value in CHANGE_ORDER_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CHANGE_ORDER_STATUS_VALUES!r}")
