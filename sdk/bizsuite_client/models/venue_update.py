from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.emergency_policy_name import EmergencyPolicyName, check_emergency_policy_name
from ..types import UNSET, Unset

T = TypeVar("T", bound="VenueUpdate")


@_attrs_define
class VenueUpdate:
    """
    Attributes:
        emergency_policy (EmergencyPolicyName | Unset): How an emergency spreads: floor by floor (N+1), or every zone at
            once.
        evacuation_asset_id (None | Unset | UUID):
        evacuation_source (str | Unset):
        holidays (list[datetime.date] | Unset):
        name (str | Unset):
        time_zone (str | Unset):
    """

    emergency_policy: EmergencyPolicyName | Unset = UNSET
    evacuation_asset_id: None | Unset | UUID = UNSET
    evacuation_source: str | Unset = UNSET
    holidays: list[datetime.date] | Unset = UNSET
    name: str | Unset = UNSET
    time_zone: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        emergency_policy: str | Unset = UNSET
        if not isinstance(self.emergency_policy, Unset):
            emergency_policy = self.emergency_policy

        evacuation_asset_id: None | str | Unset
        if isinstance(self.evacuation_asset_id, Unset):
            evacuation_asset_id = UNSET
        elif isinstance(self.evacuation_asset_id, UUID):
            evacuation_asset_id = str(self.evacuation_asset_id)
        else:
            evacuation_asset_id = self.evacuation_asset_id

        evacuation_source: str | Unset
        if isinstance(self.evacuation_source, Unset):
            evacuation_source = UNSET
        else:
            evacuation_source = self.evacuation_source

        holidays: list[str] | Unset
        if isinstance(self.holidays, Unset):
            holidays = UNSET
        else:
            holidays = []
            for holidays_type_0_item_data in self.holidays:
                holidays_type_0_item = holidays_type_0_item_data.isoformat()
                holidays.append(holidays_type_0_item)

        name: str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        time_zone: str | Unset
        if isinstance(self.time_zone, Unset):
            time_zone = UNSET
        else:
            time_zone = self.time_zone

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if emergency_policy is not UNSET:
            field_dict["emergency_policy"] = emergency_policy
        if evacuation_asset_id is not UNSET:
            field_dict["evacuation_asset_id"] = evacuation_asset_id
        if evacuation_source is not UNSET:
            field_dict["evacuation_source"] = evacuation_source
        if holidays is not UNSET:
            field_dict["holidays"] = holidays
        if name is not UNSET:
            field_dict["name"] = name
        if time_zone is not UNSET:
            field_dict["time_zone"] = time_zone

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _emergency_policy = d.pop("emergency_policy", UNSET)
        emergency_policy: EmergencyPolicyName | Unset
        if isinstance(_emergency_policy, Unset):
            emergency_policy = UNSET
        else:
            emergency_policy = check_emergency_policy_name(_emergency_policy)

        def _parse_evacuation_asset_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                evacuation_asset_id_type_0 = UUID(data)

                return evacuation_asset_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        evacuation_asset_id = _parse_evacuation_asset_id(d.pop("evacuation_asset_id", UNSET))

        def _parse_evacuation_source(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        evacuation_source = _parse_evacuation_source(d.pop("evacuation_source", UNSET))

        def _parse_holidays(data: object) -> list[datetime.date] | Unset:
            if isinstance(data, Unset):
                return data
            if not isinstance(data, list):
                raise TypeError()
            holidays_type_0 = []
            _holidays_type_0 = data
            for holidays_type_0_item_data in _holidays_type_0:
                holidays_type_0_item = datetime.date.fromisoformat(holidays_type_0_item_data)

                holidays_type_0.append(holidays_type_0_item)

            return holidays_type_0

        holidays = _parse_holidays(d.pop("holidays", UNSET))

        def _parse_name(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_time_zone(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        time_zone = _parse_time_zone(d.pop("time_zone", UNSET))

        venue_update = cls(
            emergency_policy=emergency_policy,
            evacuation_asset_id=evacuation_asset_id,
            evacuation_source=evacuation_source,
            holidays=holidays,
            name=name,
            time_zone=time_zone,
        )

        venue_update.additional_properties = d
        return venue_update

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
