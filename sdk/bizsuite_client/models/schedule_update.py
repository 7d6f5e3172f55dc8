from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ScheduleUpdate")


@_attrs_define
class ScheduleUpdate:
    """
    Attributes:
        asset_id (None | Unset | UUID):
        duration_s (int | None | Unset):
        enabled (bool | Unset):
        end_time (None | str | Unset):
        name (str | Unset):
        skip_holidays (bool | Unset):
        source (str | Unset):
        start_time (str | Unset):
        volume (int | None | Unset):
        weekdays (list[int] | Unset):
        zone_group_id (None | Unset | UUID):
        zone_id (None | Unset | UUID):
    """

    asset_id: None | Unset | UUID = UNSET
    duration_s: int | None | Unset = UNSET
    enabled: bool | Unset = UNSET
    end_time: None | str | Unset = UNSET
    name: str | Unset = UNSET
    skip_holidays: bool | Unset = UNSET
    source: str | Unset = UNSET
    start_time: str | Unset = UNSET
    volume: int | None | Unset = UNSET
    weekdays: list[int] | Unset = UNSET
    zone_group_id: None | Unset | UUID = UNSET
    zone_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        asset_id: None | str | Unset
        if isinstance(self.asset_id, Unset):
            asset_id = UNSET
        elif isinstance(self.asset_id, UUID):
            asset_id = str(self.asset_id)
        else:
            asset_id = self.asset_id

        duration_s: int | None | Unset
        if isinstance(self.duration_s, Unset):
            duration_s = UNSET
        else:
            duration_s = self.duration_s

        enabled: bool | Unset
        if isinstance(self.enabled, Unset):
            enabled = UNSET
        else:
            enabled = self.enabled

        end_time: None | str | Unset
        if isinstance(self.end_time, Unset):
            end_time = UNSET
        else:
            end_time = self.end_time

        name: str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        skip_holidays: bool | Unset
        if isinstance(self.skip_holidays, Unset):
            skip_holidays = UNSET
        else:
            skip_holidays = self.skip_holidays

        source: str | Unset
        if isinstance(self.source, Unset):
            source = UNSET
        else:
            source = self.source

        start_time: str | Unset
        if isinstance(self.start_time, Unset):
            start_time = UNSET
        else:
            start_time = self.start_time

        volume: int | None | Unset
        if isinstance(self.volume, Unset):
            volume = UNSET
        else:
            volume = self.volume

        weekdays: list[int] | Unset
        if isinstance(self.weekdays, Unset):
            weekdays = UNSET
        else:
            weekdays = self.weekdays

        zone_group_id: None | str | Unset
        if isinstance(self.zone_group_id, Unset):
            zone_group_id = UNSET
        elif isinstance(self.zone_group_id, UUID):
            zone_group_id = str(self.zone_group_id)
        else:
            zone_group_id = self.zone_group_id

        zone_id: None | str | Unset
        if isinstance(self.zone_id, Unset):
            zone_id = UNSET
        elif isinstance(self.zone_id, UUID):
            zone_id = str(self.zone_id)
        else:
            zone_id = self.zone_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if asset_id is not UNSET:
            field_dict["asset_id"] = asset_id
        if duration_s is not UNSET:
            field_dict["duration_s"] = duration_s
        if enabled is not UNSET:
            field_dict["enabled"] = enabled
        if end_time is not UNSET:
            field_dict["end_time"] = end_time
        if name is not UNSET:
            field_dict["name"] = name
        if skip_holidays is not UNSET:
            field_dict["skip_holidays"] = skip_holidays
        if source is not UNSET:
            field_dict["source"] = source
        if start_time is not UNSET:
            field_dict["start_time"] = start_time
        if volume is not UNSET:
            field_dict["volume"] = volume
        if weekdays is not UNSET:
            field_dict["weekdays"] = weekdays
        if zone_group_id is not UNSET:
            field_dict["zone_group_id"] = zone_group_id
        if zone_id is not UNSET:
            field_dict["zone_id"] = zone_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_asset_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                asset_id_type_0 = UUID(data)

                return asset_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        asset_id = _parse_asset_id(d.pop("asset_id", UNSET))

        def _parse_duration_s(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        duration_s = _parse_duration_s(d.pop("duration_s", UNSET))

        def _parse_enabled(data: object) -> bool | Unset:
            if isinstance(data, Unset):
                return data
            return cast(bool | Unset, data)

        enabled = _parse_enabled(d.pop("enabled", UNSET))

        def _parse_end_time(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        end_time = _parse_end_time(d.pop("end_time", UNSET))

        def _parse_name(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_skip_holidays(data: object) -> bool | Unset:
            if isinstance(data, Unset):
                return data
            return cast(bool | Unset, data)

        skip_holidays = _parse_skip_holidays(d.pop("skip_holidays", UNSET))

        def _parse_source(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        source = _parse_source(d.pop("source", UNSET))

        def _parse_start_time(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        start_time = _parse_start_time(d.pop("start_time", UNSET))

        def _parse_volume(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        volume = _parse_volume(d.pop("volume", UNSET))

        def _parse_weekdays(data: object) -> list[int] | Unset:
            if isinstance(data, Unset):
                return data
            if not isinstance(data, list):
                raise TypeError()
            weekdays_type_0 = cast(list[int], data)

            return weekdays_type_0

        weekdays = _parse_weekdays(d.pop("weekdays", UNSET))

        def _parse_zone_group_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                zone_group_id_type_0 = UUID(data)

                return zone_group_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        zone_group_id = _parse_zone_group_id(d.pop("zone_group_id", UNSET))

        def _parse_zone_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                zone_id_type_0 = UUID(data)

                return zone_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        zone_id = _parse_zone_id(d.pop("zone_id", UNSET))

        schedule_update = cls(
            asset_id=asset_id,
            duration_s=duration_s,
            enabled=enabled,
            end_time=end_time,
            name=name,
            skip_holidays=skip_holidays,
            source=source,
            start_time=start_time,
            volume=volume,
            weekdays=weekdays,
            zone_group_id=zone_group_id,
            zone_id=zone_id,
        )

        schedule_update.additional_properties = d
        return schedule_update

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
