from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ScheduleView")


@_attrs_define
class ScheduleView:
    """
    Attributes:
        asset_id (None | UUID):
        created_at (datetime.datetime):
        duration_s (int | None):
        enabled (bool):
        end_time (None | str):
        id (UUID):
        kind (str):
        name (str):
        skip_holidays (bool):
        source (str):
        start_time (str): A local time of day, HH:MM:SS
        updated_at (datetime.datetime):
        venue_id (UUID):
        version (int):
        volume (int | None):
        weekdays (list[int]):
        zone_group_id (None | UUID):
        zone_id (None | UUID):
    """

    asset_id: None | UUID
    created_at: datetime.datetime
    duration_s: int | None
    enabled: bool
    end_time: None | str
    id: UUID
    kind: str
    name: str
    skip_holidays: bool
    source: str
    start_time: str
    updated_at: datetime.datetime
    venue_id: UUID
    version: int
    volume: int | None
    weekdays: list[int]
    zone_group_id: None | UUID
    zone_id: None | UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        asset_id: None | str
        if isinstance(self.asset_id, UUID):
            asset_id = str(self.asset_id)
        else:
            asset_id = self.asset_id

        created_at = self.created_at.isoformat()

        duration_s: int | None
        duration_s = self.duration_s

        enabled = self.enabled

        end_time: None | str
        end_time = self.end_time

        id = str(self.id)

        kind = self.kind

        name = self.name

        skip_holidays = self.skip_holidays

        source = self.source

        start_time = self.start_time

        updated_at = self.updated_at.isoformat()

        venue_id = str(self.venue_id)

        version = self.version

        volume: int | None
        volume = self.volume

        weekdays = self.weekdays

        zone_group_id: None | str
        if isinstance(self.zone_group_id, UUID):
            zone_group_id = str(self.zone_group_id)
        else:
            zone_group_id = self.zone_group_id

        zone_id: None | str
        if isinstance(self.zone_id, UUID):
            zone_id = str(self.zone_id)
        else:
            zone_id = self.zone_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "asset_id": asset_id,
                "created_at": created_at,
                "duration_s": duration_s,
                "enabled": enabled,
                "end_time": end_time,
                "id": id,
                "kind": kind,
                "name": name,
                "skip_holidays": skip_holidays,
                "source": source,
                "start_time": start_time,
                "updated_at": updated_at,
                "venue_id": venue_id,
                "version": version,
                "volume": volume,
                "weekdays": weekdays,
                "zone_group_id": zone_group_id,
                "zone_id": zone_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_asset_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                asset_id_type_0 = UUID(data)

                return asset_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        asset_id = _parse_asset_id(d.pop("asset_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_duration_s(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        duration_s = _parse_duration_s(d.pop("duration_s"))

        enabled = d.pop("enabled")

        def _parse_end_time(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        end_time = _parse_end_time(d.pop("end_time"))

        id = UUID(d.pop("id"))

        kind = d.pop("kind")

        name = d.pop("name")

        skip_holidays = d.pop("skip_holidays")

        source = d.pop("source")

        start_time = d.pop("start_time")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        venue_id = UUID(d.pop("venue_id"))

        version = d.pop("version")

        def _parse_volume(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        volume = _parse_volume(d.pop("volume"))

        weekdays = cast(list[int], d.pop("weekdays"))

        def _parse_zone_group_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                zone_group_id_type_0 = UUID(data)

                return zone_group_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        zone_group_id = _parse_zone_group_id(d.pop("zone_group_id"))

        def _parse_zone_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                zone_id_type_0 = UUID(data)

                return zone_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        zone_id = _parse_zone_id(d.pop("zone_id"))

        schedule_view = cls(
            asset_id=asset_id,
            created_at=created_at,
            duration_s=duration_s,
            enabled=enabled,
            end_time=end_time,
            id=id,
            kind=kind,
            name=name,
            skip_holidays=skip_holidays,
            source=source,
            start_time=start_time,
            updated_at=updated_at,
            venue_id=venue_id,
            version=version,
            volume=volume,
            weekdays=weekdays,
            zone_group_id=zone_group_id,
            zone_id=zone_id,
        )

        schedule_view.additional_properties = d
        return schedule_view

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
