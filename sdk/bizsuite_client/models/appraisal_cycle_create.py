from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AppraisalCycleCreate")


@_attrs_define
class AppraisalCycleCreate:
    """
    Attributes:
        ends_on (datetime.date):
        name (str):
        starts_on (datetime.date):
        org_unit_id (None | Unset | UUID):
    """

    ends_on: datetime.date
    name: str
    starts_on: datetime.date
    org_unit_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        ends_on = self.ends_on.isoformat()

        name = self.name

        starts_on = self.starts_on.isoformat()

        org_unit_id: None | str | Unset
        if isinstance(self.org_unit_id, Unset):
            org_unit_id = UNSET
        elif isinstance(self.org_unit_id, UUID):
            org_unit_id = str(self.org_unit_id)
        else:
            org_unit_id = self.org_unit_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "ends_on": ends_on,
                "name": name,
                "starts_on": starts_on,
            }
        )
        if org_unit_id is not UNSET:
            field_dict["org_unit_id"] = org_unit_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        ends_on = datetime.date.fromisoformat(d.pop("ends_on"))

        name = d.pop("name")

        starts_on = datetime.date.fromisoformat(d.pop("starts_on"))

        def _parse_org_unit_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                org_unit_id_type_0 = UUID(data)

                return org_unit_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        org_unit_id = _parse_org_unit_id(d.pop("org_unit_id", UNSET))

        appraisal_cycle_create = cls(
            ends_on=ends_on,
            name=name,
            starts_on=starts_on,
            org_unit_id=org_unit_id,
        )

        appraisal_cycle_create.additional_properties = d
        return appraisal_cycle_create

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
