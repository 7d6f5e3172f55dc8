from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="EmergencyBegin")


@_attrs_define
class EmergencyBegin:
    """
    Attributes:
        reason (str):
        venue_id (UUID):
        alarm_id (None | str | Unset):
        all_call (bool | Unset):  Default: False.
        basement (bool | Unset):  Default: False.
        floor (int | None | Unset):
        zone_id (None | Unset | UUID):
    """

    reason: str
    venue_id: UUID
    alarm_id: None | str | Unset = UNSET
    all_call: bool | Unset = False
    basement: bool | Unset = False
    floor: int | None | Unset = UNSET
    zone_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        reason = self.reason

        venue_id = str(self.venue_id)

        alarm_id: None | str | Unset
        if isinstance(self.alarm_id, Unset):
            alarm_id = UNSET
        else:
            alarm_id = self.alarm_id

        all_call = self.all_call

        basement = self.basement

        floor: int | None | Unset
        if isinstance(self.floor, Unset):
            floor = UNSET
        else:
            floor = self.floor

        zone_id: None | str | Unset
        if isinstance(self.zone_id, Unset):
            zone_id = UNSET
        elif isinstance(self.zone_id, UUID):
            zone_id = str(self.zone_id)
        else:
            zone_id = self.zone_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "reason": reason,
                "venue_id": venue_id,
            }
        )
        if alarm_id is not UNSET:
            field_dict["alarm_id"] = alarm_id
        if all_call is not UNSET:
            field_dict["all_call"] = all_call
        if basement is not UNSET:
            field_dict["basement"] = basement
        if floor is not UNSET:
            field_dict["floor"] = floor
        if zone_id is not UNSET:
            field_dict["zone_id"] = zone_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reason = d.pop("reason")

        venue_id = UUID(d.pop("venue_id"))

        def _parse_alarm_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        alarm_id = _parse_alarm_id(d.pop("alarm_id", UNSET))

        all_call = d.pop("all_call", UNSET)

        basement = d.pop("basement", UNSET)

        def _parse_floor(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        floor = _parse_floor(d.pop("floor", UNSET))

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

        emergency_begin = cls(
            reason=reason,
            venue_id=venue_id,
            alarm_id=alarm_id,
            all_call=all_call,
            basement=basement,
            floor=floor,
            zone_id=zone_id,
        )

        emergency_begin.additional_properties = d
        return emergency_begin

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
