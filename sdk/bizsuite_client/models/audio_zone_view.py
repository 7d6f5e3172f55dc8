from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AudioZoneView")


@_attrs_define
class AudioZoneView:
    """
    Attributes:
        area (None | str):
        basement (bool):
        code (str):
        created_at (datetime.datetime):
        floor (int | None):
        id (UUID):
        name (str):
        updated_at (datetime.datetime):
        venue_id (UUID):
        version (int):
        volume (int):
    """

    area: None | str
    basement: bool
    code: str
    created_at: datetime.datetime
    floor: int | None
    id: UUID
    name: str
    updated_at: datetime.datetime
    venue_id: UUID
    version: int
    volume: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        area: None | str
        area = self.area

        basement = self.basement

        code = self.code

        created_at = self.created_at.isoformat()

        floor: int | None
        floor = self.floor

        id = str(self.id)

        name = self.name

        updated_at = self.updated_at.isoformat()

        venue_id = str(self.venue_id)

        version = self.version

        volume = self.volume

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "area": area,
                "basement": basement,
                "code": code,
                "created_at": created_at,
                "floor": floor,
                "id": id,
                "name": name,
                "updated_at": updated_at,
                "venue_id": venue_id,
                "version": version,
                "volume": volume,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_area(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        area = _parse_area(d.pop("area"))

        basement = d.pop("basement")

        code = d.pop("code")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_floor(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        floor = _parse_floor(d.pop("floor"))

        id = UUID(d.pop("id"))

        name = d.pop("name")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        venue_id = UUID(d.pop("venue_id"))

        version = d.pop("version")

        volume = d.pop("volume")

        audio_zone_view = cls(
            area=area,
            basement=basement,
            code=code,
            created_at=created_at,
            floor=floor,
            id=id,
            name=name,
            updated_at=updated_at,
            venue_id=venue_id,
            version=version,
            volume=volume,
        )

        audio_zone_view.additional_properties = d
        return audio_zone_view

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
