from typing import Literal

ApproverKind = Literal["nearest_role", "role_at_ancestor_kind", "role_at_named_unit", "role_at_unit", "user"]

APPROVER_KIND_VALUES: set[ApproverKind] = {
    "nearest_role",
    "role_at_ancestor_kind",
    "role_at_named_unit",
    "role_at_unit",
    "user",
}


def check_approver_kind(value: str) -> ApproverKind:
    if value in APPROVER_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {APPROVER_KIND_VALUES!r}")
