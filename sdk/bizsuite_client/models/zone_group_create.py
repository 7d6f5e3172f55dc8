from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ZoneGroupCreate")


@_attrs_define
class ZoneGroupCreate:
    """
    Attributes:
        code (str):
        name (str):
        venue_id (UUID):
        zone_ids (list[UUID]):
    """

    code: str
    name: str
    venue_id: UUID
    zone_ids: list[UUID]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        name = self.name

        venue_id = str(self.venue_id)

        zone_ids = []
        for zone_ids_item_data in self.zone_ids:
            zone_ids_item = str(zone_ids_item_data)
            zone_ids.append(zone_ids_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "name": name,
                "venue_id": venue_id,
                "zone_ids": zone_ids,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        name = d.pop("name")

        venue_id = UUID(d.pop("venue_id"))

        zone_ids = []
        _zone_ids = d.pop("zone_ids")
        for zone_ids_item_data in _zone_ids:
            zone_ids_item = UUID(zone_ids_item_data)

            zone_ids.append(zone_ids_item)

        zone_group_create = cls(
            code=code,
            name=name,
            venue_id=venue_id,
            zone_ids=zone_ids,
        )

        zone_group_create.additional_properties = d
        return zone_group_create

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
