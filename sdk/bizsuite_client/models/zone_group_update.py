from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ZoneGroupUpdate")


@_attrs_define
class ZoneGroupUpdate:
    """
    Attributes:
        name (str | Unset):
        zone_ids (list[UUID] | Unset):
    """

    name: str | Unset = UNSET
    zone_ids: list[UUID] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name: str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        zone_ids: list[str] | Unset
        if isinstance(self.zone_ids, Unset):
            zone_ids = UNSET
        else:
            zone_ids = []
            for zone_ids_type_0_item_data in self.zone_ids:
                zone_ids_type_0_item = str(zone_ids_type_0_item_data)
                zone_ids.append(zone_ids_type_0_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if zone_ids is not UNSET:
            field_dict["zone_ids"] = zone_ids

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_name(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_zone_ids(data: object) -> list[UUID] | Unset:
            if isinstance(data, Unset):
                return data
            if not isinstance(data, list):
                raise TypeError()
            zone_ids_type_0 = []
            _zone_ids_type_0 = data
            for zone_ids_type_0_item_data in _zone_ids_type_0:
                zone_ids_type_0_item = UUID(zone_ids_type_0_item_data)

                zone_ids_type_0.append(zone_ids_type_0_item)

            return zone_ids_type_0

        zone_ids = _parse_zone_ids(d.pop("zone_ids", UNSET))

        zone_group_update = cls(
            name=name,
            zone_ids=zone_ids,
        )

        zone_group_update.additional_properties = d
        return zone_group_update

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
