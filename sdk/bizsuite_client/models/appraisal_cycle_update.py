from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AppraisalCycleUpdate")


@_attrs_define
class AppraisalCycleUpdate:
    """
    Attributes:
        ends_on (datetime.date | Unset):
        name (str | Unset):
        org_unit_id (None | Unset | UUID):
        starts_on (datetime.date | Unset):
    """

    ends_on: datetime.date | Unset = UNSET
    name: str | Unset = UNSET
    org_unit_id: None | Unset | UUID = UNSET
    starts_on: datetime.date | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        ends_on: str | Unset
        if isinstance(self.ends_on, Unset):
            ends_on = UNSET
        else:
            ends_on = self.ends_on.isoformat()

        name: str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        org_unit_id: None | str | Unset
        if isinstance(self.org_unit_id, Unset):
            org_unit_id = UNSET
        elif isinstance(self.org_unit_id, UUID):
            org_unit_id = str(self.org_unit_id)
        else:
            org_unit_id = self.org_unit_id

        starts_on: str | Unset
        if isinstance(self.starts_on, Unset):
            starts_on = UNSET
        else:
            starts_on = self.starts_on.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if ends_on is not UNSET:
            field_dict["ends_on"] = ends_on
        if name is not UNSET:
            field_dict["name"] = name
        if org_unit_id is not UNSET:
            field_dict["org_unit_id"] = org_unit_id
        if starts_on is not UNSET:
            field_dict["starts_on"] = starts_on

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_ends_on(data: object) -> datetime.date | Unset:
            if isinstance(data, Unset):
                return data
            if not isinstance(data, str):
                raise TypeError()
            ends_on_type_0 = datetime.date.fromisoformat(data)

            return ends_on_type_0

        ends_on = _parse_ends_on(d.pop("ends_on", UNSET))

        def _parse_name(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

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

        def _parse_starts_on(data: object) -> datetime.date | Unset:
            if isinstance(data, Unset):
                return data
            if not isinstance(data, str):
                raise TypeError()
            starts_on_type_0 = datetime.date.fromisoformat(data)

            return starts_on_type_0

        starts_on = _parse_starts_on(d.pop("starts_on", UNSET))

        appraisal_cycle_update = cls(
            ends_on=ends_on,
            name=name,
            org_unit_id=org_unit_id,
            starts_on=starts_on,
        )

        appraisal_cycle_update.additional_properties = d
        return appraisal_cycle_update

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
