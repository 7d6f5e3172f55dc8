from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.player_state_state import PlayerStateState, check_player_state_state
from ..models.program_kind_name import ProgramKindName, check_program_kind_name

T = TypeVar("T", bound="PlayerState")


@_attrs_define
class PlayerState:
    """
    Attributes:
        acked_at (datetime.datetime | None):
        code (str):
        commanded_kind (None | ProgramKindName):
        commanded_source (None | str):
        commanded_volume (int | None):
        device_id (UUID):
        issued_at (datetime.datetime | None):
        name (str):
        reported_source (None | str):
        reported_volume (int | None):
        seq (int | None):
        state (PlayerStateState):
    """

    acked_at: datetime.datetime | None
    code: str
    commanded_kind: None | ProgramKindName
    commanded_source: None | str
    commanded_volume: int | None
    device_id: UUID
    issued_at: datetime.datetime | None
    name: str
    reported_source: None | str
    reported_volume: int | None
    seq: int | None
    state: PlayerStateState
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        acked_at: None | str
        if isinstance(self.acked_at, datetime.datetime):
            acked_at = self.acked_at.isoformat()
        else:
            acked_at = self.acked_at

        code = self.code

        commanded_kind: None | str
        if isinstance(self.commanded_kind, str):
            commanded_kind = self.commanded_kind
        else:
            commanded_kind = self.commanded_kind

        commanded_source: None | str
        commanded_source = self.commanded_source

        commanded_volume: int | None
        commanded_volume = self.commanded_volume

        device_id = str(self.device_id)

        issued_at: None | str
        if isinstance(self.issued_at, datetime.datetime):
            issued_at = self.issued_at.isoformat()
        else:
            issued_at = self.issued_at

        name = self.name

        reported_source: None | str
        reported_source = self.reported_source

        reported_volume: int | None
        reported_volume = self.reported_volume

        seq: int | None
        seq = self.seq

        state: str = self.state

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "acked_at": acked_at,
                "code": code,
                "commanded_kind": commanded_kind,
                "commanded_source": commanded_source,
                "commanded_volume": commanded_volume,
                "device_id": device_id,
                "issued_at": issued_at,
                "name": name,
                "reported_source": reported_source,
                "reported_volume": reported_volume,
                "seq": seq,
                "state": state,
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

        code = d.pop("code")

        def _parse_commanded_kind(data: object) -> None | ProgramKindName:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                commanded_kind_type_0 = check_program_kind_name(data)

                return commanded_kind_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ProgramKindName, data)

        commanded_kind = _parse_commanded_kind(d.pop("commanded_kind"))

        def _parse_commanded_source(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        commanded_source = _parse_commanded_source(d.pop("commanded_source"))

        def _parse_commanded_volume(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        commanded_volume = _parse_commanded_volume(d.pop("commanded_volume"))

        device_id = UUID(d.pop("device_id"))

        def _parse_issued_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                issued_at_type_0 = datetime.datetime.fromisoformat(data)

                return issued_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        issued_at = _parse_issued_at(d.pop("issued_at"))

        name = d.pop("name")

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

        def _parse_seq(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        seq = _parse_seq(d.pop("seq"))

        state = check_player_state_state(d.pop("state"))

        player_state = cls(
            acked_at=acked_at,
            code=code,
            commanded_kind=commanded_kind,
            commanded_source=commanded_source,
            commanded_volume=commanded_volume,
            device_id=device_id,
            issued_at=issued_at,
            name=name,
            reported_source=reported_source,
            reported_volume=reported_volume,
            seq=seq,
            state=state,
        )

        player_state.additional_properties = d
        return player_state

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
