from typing import Literal

RequestStatus = Literal["approved", "pending", "rejected", "withdrawn"]

REQUEST_STATUS_VALUES: set[RequestStatus] = {
    "approved",
    "pending",
    "rejected",
    "withdrawn",
}


def check_request_status(value: str) -> RequestStatus:
    if value in REQUEST_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {REQUEST_STATUS_VALUES!r}")
