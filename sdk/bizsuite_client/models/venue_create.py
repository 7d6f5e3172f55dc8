from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.emergency_policy_name import EmergencyPolicyName, check_emergency_policy_name
from ..types import UNSET, Unset

T = TypeVar("T", bound="VenueCreate")


@_attrs_define
class VenueCreate:
    """
    Attributes:
        code (str):
        evacuation_source (str):
        name (str):
        org_unit_id (UUID):
        time_zone (str):
        emergency_policy (EmergencyPolicyName | Unset): How an emergency spreads: floor by floor (N+1), or every zone at
            once.
        holidays (list[datetime.date] | Unset):
    """

    code: str
    evacuation_source: str
    name: str
    org_unit_id: UUID
    time_zone: str
    emergency_policy: EmergencyPolicyName | Unset = UNSET
    holidays: list[datetime.date] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        evacuation_source = self.evacuation_source

        name = self.name

        org_unit_id = str(self.org_unit_id)

        time_zone = self.time_zone

        emergency_policy: str | Unset = UNSET
        if not isinstance(self.emergency_policy, Unset):
            emergency_policy = self.emergency_policy

        holidays: list[str] | Unset = UNSET
        if not isinstance(self.holidays, Unset):
            holidays = []
            for holidays_item_data in self.holidays:
                holidays_item = holidays_item_data.isoformat()
                holidays.append(holidays_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "evacuation_source": evacuation_source,
                "name": name,
                "org_unit_id": org_unit_id,
                "time_zone": time_zone,
            }
        )
        if emergency_policy is not UNSET:
            field_dict["emergency_policy"] = emergency_policy
        if holidays is not UNSET:
            field_dict["holidays"] = holidays

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        evacuation_source = d.pop("evacuation_source")

        name = d.pop("name")

        org_unit_id = UUID(d.pop("org_unit_id"))

        time_zone = d.pop("time_zone")

        _emergency_policy = d.pop("emergency_policy", UNSET)
        emergency_policy: EmergencyPolicyName | Unset
        if isinstance(_emergency_policy, Unset):
            emergency_policy = UNSET
        else:
            emergency_policy = check_emergency_policy_name(_emergency_policy)

        _holidays = d.pop("holidays", UNSET)
        holidays: list[datetime.date] | Unset = UNSET
        if _holidays is not UNSET:
            holidays = []
            for holidays_item_data in _holidays:
                holidays_item = datetime.date.fromisoformat(holidays_item_data)

                holidays.append(holidays_item)

        venue_create = cls(
            code=code,
            evacuation_source=evacuation_source,
            name=name,
            org_unit_id=org_unit_id,
            time_zone=time_zone,
            emergency_policy=emergency_policy,
            holidays=holidays,
        )

        venue_create.additional_properties = d
        return venue_create

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
