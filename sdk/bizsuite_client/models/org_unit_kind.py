from typing import Literal

OrgUnitKind = Literal["department", "group", "project", "region", "store", "subsidiary", "venue"]

ORG_UNIT_KIND_VALUES: set[OrgUnitKind] = {
    "department",
    "group",
    "project",
    "region",
    "store",
    "subsidiary",
    "venue",
}


def check_org_unit_kind(value: str) -> OrgUnitKind:
    if value in ORG_UNIT_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ORG_UNIT_KIND_VALUES!r}")
