from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="VenueView")


@_attrs_define
class VenueView:
    """
    Attributes:
        code (str):
        created_at (datetime.datetime):
        emergency_policy (str):
        evacuation_asset_id (None | UUID):
        evacuation_source (str):
        holidays (list[datetime.date]):
        id (UUID):
        name (str):
        org_unit_id (UUID):
        time_zone (str):
        updated_at (datetime.datetime):
        version (int):
    """

    code: str
    created_at: datetime.datetime
    emergency_policy: str
    evacuation_asset_id: None | UUID
    evacuation_source: str
    holidays: list[datetime.date]
    id: UUID
    name: str
    org_unit_id: UUID
    time_zone: str
    updated_at: datetime.datetime
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        created_at = self.created_at.isoformat()

        emergency_policy = self.emergency_policy

        evacuation_asset_id: None | str
        if isinstance(self.evacuation_asset_id, UUID):
            evacuation_asset_id = str(self.evacuation_asset_id)
        else:
            evacuation_asset_id = self.evacuation_asset_id

        evacuation_source = self.evacuation_source

        holidays = []
        for holidays_item_data in self.holidays:
            holidays_item = holidays_item_data.isoformat()
            holidays.append(holidays_item)

        id = str(self.id)

        name = self.name

        org_unit_id = str(self.org_unit_id)

        time_zone = self.time_zone

        updated_at = self.updated_at.isoformat()

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "created_at": created_at,
                "emergency_policy": emergency_policy,
                "evacuation_asset_id": evacuation_asset_id,
                "evacuation_source": evacuation_source,
                "holidays": holidays,
                "id": id,
                "name": name,
                "org_unit_id": org_unit_id,
                "time_zone": time_zone,
                "updated_at": updated_at,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        emergency_policy = d.pop("emergency_policy")

        def _parse_evacuation_asset_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                evacuation_asset_id_type_0 = UUID(data)

                return evacuation_asset_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        evacuation_asset_id = _parse_evacuation_asset_id(d.pop("evacuation_asset_id"))

        evacuation_source = d.pop("evacuation_source")

        holidays = []
        _holidays = d.pop("holidays")
        for holidays_item_data in _holidays:
            holidays_item = datetime.date.fromisoformat(holidays_item_data)

            holidays.append(holidays_item)

        id = UUID(d.pop("id"))

        name = d.pop("name")

        org_unit_id = UUID(d.pop("org_unit_id"))

        time_zone = d.pop("time_zone")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        venue_view = cls(
            code=code,
            created_at=created_at,
            emergency_policy=emergency_policy,
            evacuation_asset_id=evacuation_asset_id,
            evacuation_source=evacuation_source,
            holidays=holidays,
            id=id,
            name=name,
            org_unit_id=org_unit_id,
            time_zone=time_zone,
            updated_at=updated_at,
            version=version,
        )

        venue_view.additional_properties = d
        return venue_view

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
