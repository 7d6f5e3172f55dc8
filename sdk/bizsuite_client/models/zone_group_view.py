from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ZoneGroupView")


@_attrs_define
class ZoneGroupView:
    """
    Attributes:
        code (str):
        created_at (datetime.datetime):
        id (UUID):
        name (str):
        updated_at (datetime.datetime):
        venue_id (UUID):
        version (int):
        zone_ids (list[UUID]):
    """

    code: str
    created_at: datetime.datetime
    id: UUID
    name: str
    updated_at: datetime.datetime
    venue_id: UUID
    version: int
    zone_ids: list[UUID]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        created_at = self.created_at.isoformat()

        id = str(self.id)

        name = self.name

        updated_at = self.updated_at.isoformat()

        venue_id = str(self.venue_id)

        version = self.version

        zone_ids = []
        for zone_ids_item_data in self.zone_ids:
            zone_ids_item = str(zone_ids_item_data)
            zone_ids.append(zone_ids_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "created_at": created_at,
                "id": id,
                "name": name,
                "updated_at": updated_at,
                "venue_id": venue_id,
                "version": version,
                "zone_ids": zone_ids,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = UUID(d.pop("id"))

        name = d.pop("name")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        venue_id = UUID(d.pop("venue_id"))

        version = d.pop("version")

        zone_ids = []
        _zone_ids = d.pop("zone_ids")
        for zone_ids_item_data in _zone_ids:
            zone_ids_item = UUID(zone_ids_item_data)

            zone_ids.append(zone_ids_item)

        zone_group_view = cls(
            code=code,
            created_at=created_at,
            id=id,
            name=name,
            updated_at=updated_at,
            venue_id=venue_id,
            version=version,
            zone_ids=zone_ids,
        )

        zone_group_view.additional_properties = d
        return zone_group_view

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
