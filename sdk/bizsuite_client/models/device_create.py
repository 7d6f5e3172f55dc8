from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.device_kind import DeviceKind, check_device_kind
from ..types import UNSET, Unset

T = TypeVar("T", bound="DeviceCreate")


@_attrs_define
class DeviceCreate:
    """
    Attributes:
        code (str):
        kind (DeviceKind): The hardware of a public-address system.
        name (str):
        venue_id (UUID):
        heartbeat_interval_s (int | Unset):  Default: 60.
        zone_id (None | Unset | UUID):
    """

    code: str
    kind: DeviceKind
    name: str
    venue_id: UUID
    heartbeat_interval_s: int | Unset = 60
    zone_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        kind: str = self.kind

        name = self.name

        venue_id = str(self.venue_id)

        heartbeat_interval_s = self.heartbeat_interval_s

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
                "code": code,
                "kind": kind,
                "name": name,
                "venue_id": venue_id,
            }
        )
        if heartbeat_interval_s is not UNSET:
            field_dict["heartbeat_interval_s"] = heartbeat_interval_s
        if zone_id is not UNSET:
            field_dict["zone_id"] = zone_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        kind = check_device_kind(d.pop("kind"))

        name = d.pop("name")

        venue_id = UUID(d.pop("venue_id"))

        heartbeat_interval_s = d.pop("heartbeat_interval_s", UNSET)

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

        device_create = cls(
            code=code,
            kind=kind,
            name=name,
            venue_id=venue_id,
            heartbeat_interval_s=heartbeat_interval_s,
            zone_id=zone_id,
        )

        device_create.additional_properties = d
        return device_create

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
