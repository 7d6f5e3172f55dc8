from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AudioZoneCreate")


@_attrs_define
class AudioZoneCreate:
    """
    Attributes:
        code (str):
        name (str):
        venue_id (UUID):
        area (None | str | Unset):
        basement (bool | Unset):  Default: False.
        floor (int | None | Unset):
        volume (int | Unset):  Default: 60.
    """

    code: str
    name: str
    venue_id: UUID
    area: None | str | Unset = UNSET
    basement: bool | Unset = False
    floor: int | None | Unset = UNSET
    volume: int | Unset = 60
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        name = self.name

        venue_id = str(self.venue_id)

        area: None | str | Unset
        if isinstance(self.area, Unset):
            area = UNSET
        else:
            area = self.area

        basement = self.basement

        floor: int | None | Unset
        if isinstance(self.floor, Unset):
            floor = UNSET
        else:
            floor = self.floor

        volume = self.volume

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "name": name,
                "venue_id": venue_id,
            }
        )
        if area is not UNSET:
            field_dict["area"] = area
        if basement is not UNSET:
            field_dict["basement"] = basement
        if floor is not UNSET:
            field_dict["floor"] = floor
        if volume is not UNSET:
            field_dict["volume"] = volume

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        name = d.pop("name")

        venue_id = UUID(d.pop("venue_id"))

        def _parse_area(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        area = _parse_area(d.pop("area", UNSET))

        basement = d.pop("basement", UNSET)

        def _parse_floor(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        floor = _parse_floor(d.pop("floor", UNSET))

        volume = d.pop("volume", UNSET)

        audio_zone_create = cls(
            code=code,
            name=name,
            venue_id=venue_id,
            area=area,
            basement=basement,
            floor=floor,
            volume=volume,
        )

        audio_zone_create.additional_properties = d
        return audio_zone_create

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
