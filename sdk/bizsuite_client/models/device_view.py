from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.device_health import DeviceHealth, check_device_health

T = TypeVar("T", bound="DeviceView")


@_attrs_define
class DeviceView:
    """
    Attributes:
        code (str):
        created_at (datetime.datetime):
        fault_since (datetime.datetime | None):
        health (DeviceHealth): A device's heartbeat state: ``unknown`` until its first heartbeat.
        heartbeat_interval_s (int):
        id (UUID):
        kind (str):
        last_heartbeat_at (datetime.datetime | None):
        name (str):
        updated_at (datetime.datetime):
        venue_id (UUID):
        version (int):
        zone_id (None | UUID):
    """

    code: str
    created_at: datetime.datetime
    fault_since: datetime.datetime | None
    health: DeviceHealth
    heartbeat_interval_s: int
    id: UUID
    kind: str
    last_heartbeat_at: datetime.datetime | None
    name: str
    updated_at: datetime.datetime
    venue_id: UUID
    version: int
    zone_id: None | UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        created_at = self.created_at.isoformat()

        fault_since: None | str
        if isinstance(self.fault_since, datetime.datetime):
            fault_since = self.fault_since.isoformat()
        else:
            fault_since = self.fault_since

        health: str = self.health

        heartbeat_interval_s = self.heartbeat_interval_s

        id = str(self.id)

        kind = self.kind

        last_heartbeat_at: None | str
        if isinstance(self.last_heartbeat_at, datetime.datetime):
            last_heartbeat_at = self.last_heartbeat_at.isoformat()
        else:
            last_heartbeat_at = self.last_heartbeat_at

        name = self.name

        updated_at = self.updated_at.isoformat()

        venue_id = str(self.venue_id)

        version = self.version

        zone_id: None | str
        if isinstance(self.zone_id, UUID):
            zone_id = str(self.zone_id)
        else:
            zone_id = self.zone_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "created_at": created_at,
                "fault_since": fault_since,
                "health": health,
                "heartbeat_interval_s": heartbeat_interval_s,
                "id": id,
                "kind": kind,
                "last_heartbeat_at": last_heartbeat_at,
                "name": name,
                "updated_at": updated_at,
                "venue_id": venue_id,
                "version": version,
                "zone_id": zone_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_fault_since(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                fault_since_type_0 = datetime.datetime.fromisoformat(data)

                return fault_since_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        fault_since = _parse_fault_since(d.pop("fault_since"))

        health = check_device_health(d.pop("health"))

        heartbeat_interval_s = d.pop("heartbeat_interval_s")

        id = UUID(d.pop("id"))

        kind = d.pop("kind")

        def _parse_last_heartbeat_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_heartbeat_at_type_0 = datetime.datetime.fromisoformat(data)

                return last_heartbeat_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_heartbeat_at = _parse_last_heartbeat_at(d.pop("last_heartbeat_at"))

        name = d.pop("name")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        venue_id = UUID(d.pop("venue_id"))

        version = d.pop("version")

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

        device_view = cls(
            code=code,
            created_at=created_at,
            fault_since=fault_since,
            health=health,
            heartbeat_interval_s=heartbeat_interval_s,
            id=id,
            kind=kind,
            last_heartbeat_at=last_heartbeat_at,
            name=name,
            updated_at=updated_at,
            venue_id=venue_id,
            version=version,
            zone_id=zone_id,
        )

        device_view.additional_properties = d
        return device_view

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
