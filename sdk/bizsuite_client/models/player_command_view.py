from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.program_kind_name import ProgramKindName, check_program_kind_name

T = TypeVar("T", bound="PlayerCommandView")


@_attrs_define
class PlayerCommandView:
    """
    Attributes:
        acked_at (datetime.datetime | None):
        broadcast_id (None | UUID):
        issued_at (datetime.datetime):
        position_s (float):
        priority (int | None):
        program_id (None | str):
        program_kind (None | ProgramKindName):
        reported_source (None | str):
        reported_volume (int | None):
        seq (int):
        source (str):
        volume (int):
        zone_id (UUID):
    """

    acked_at: datetime.datetime | None
    broadcast_id: None | UUID
    issued_at: datetime.datetime
    position_s: float
    priority: int | None
    program_id: None | str
    program_kind: None | ProgramKindName
    reported_source: None | str
    reported_volume: int | None
    seq: int
    source: str
    volume: int
    zone_id: UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        acked_at: None | str
        if isinstance(self.acked_at, datetime.datetime):
            acked_at = self.acked_at.isoformat()
        else:
            acked_at = self.acked_at

        broadcast_id: None | str
        if isinstance(self.broadcast_id, UUID):
            broadcast_id = str(self.broadcast_id)
        else:
            broadcast_id = self.broadcast_id

        issued_at = self.issued_at.isoformat()

        position_s = self.position_s

        priority: int | None
        priority = self.priority

        program_id: None | str
        program_id = self.program_id

        program_kind: None | str
        if isinstance(self.program_kind, str):
            program_kind = self.program_kind
        else:
            program_kind = self.program_kind

        reported_source: None | str
        reported_source = self.reported_source

        reported_volume: int | None
        reported_volume = self.reported_volume

        seq = self.seq

        source = self.source

        volume = self.volume

        zone_id = str(self.zone_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "acked_at": acked_at,
                "broadcast_id": broadcast_id,
                "issued_at": issued_at,
                "position_s": position_s,
                "priority": priority,
                "program_id": program_id,
                "program_kind": program_kind,
                "reported_source": reported_source,
                "reported_volume": reported_volume,
                "seq": seq,
                "source": source,
                "volume": volume,
                "zone_id": zone_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_acked_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                acked_at_type_0 = datetime.datetime.fromisoformat(data)

                return acked_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        acked_at = _parse_acked_at(d.pop("acked_at"))

        def _parse_broadcast_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                broadcast_id_type_0 = UUID(data)

                return broadcast_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        broadcast_id = _parse_broadcast_id(d.pop("broadcast_id"))

        issued_at = datetime.datetime.fromisoformat(d.pop("issued_at"))

        position_s = d.pop("position_s")

        def _parse_priority(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        priority = _parse_priority(d.pop("priority"))

        def _parse_program_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        program_id = _parse_program_id(d.pop("program_id"))

        def _parse_program_kind(data: object) -> None | ProgramKindName:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                program_kind_type_0 = check_program_kind_name(data)

                return program_kind_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ProgramKindName, data)

        program_kind = _parse_program_kind(d.pop("program_kind"))

        def _parse_reported_source(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reported_source = _parse_reported_source(d.pop("reported_source"))

        def _parse_reported_volume(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        reported_volume = _parse_reported_volume(d.pop("reported_volume"))

        seq = d.pop("seq")

        source = d.pop("source")

        volume = d.pop("volume")

        zone_id = UUID(d.pop("zone_id"))

        player_command_view = cls(
            acked_at=acked_at,
            broadcast_id=broadcast_id,
            issued_at=issued_at,
            position_s=position_s,
            priority=priority,
            program_id=program_id,
            program_kind=program_kind,
            reported_source=reported_source,
            reported_volume=reported_volume,
            seq=seq,
            source=source,
            volume=volume,
            zone_id=zone_id,
        )

        player_command_view.additional_properties = d
        return player_command_view

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
