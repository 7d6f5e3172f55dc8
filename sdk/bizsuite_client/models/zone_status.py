from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.program_kind_name import ProgramKindName, check_program_kind_name
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.player_state import PlayerState
    from ..models.waiting_program import WaitingProgram


T = TypeVar("T", bound="ZoneStatus")


@_attrs_define
class ZoneStatus:
    """
    Attributes:
        area (None | str):
        basement (bool):
        code (str):
        devices (int):
        devices_in_fault (int):
        floor (int | None):
        name (str):
        position_s (float):
        priority (int | None):
        program_id (None | str):
        program_kind (None | ProgramKindName):
        program_name (None | str):
        rule (str):
        source (None | str):
        volume (int):
        volume_rule (str):
        waiting (list[WaitingProgram]):
        zone_id (UUID):
        zone_volume (int):
        players (list[PlayerState] | Unset):
    """

    area: None | str
    basement: bool
    code: str
    devices: int
    devices_in_fault: int
    floor: int | None
    name: str
    position_s: float
    priority: int | None
    program_id: None | str
    program_kind: None | ProgramKindName
    program_name: None | str
    rule: str
    source: None | str
    volume: int
    volume_rule: str
    waiting: list[WaitingProgram]
    zone_id: UUID
    zone_volume: int
    players: list[PlayerState] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        area: None | str
        area = self.area

        basement = self.basement

        code = self.code

        devices = self.devices

        devices_in_fault = self.devices_in_fault

        floor: int | None
        floor = self.floor

        name = self.name

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

        program_name: None | str
        program_name = self.program_name

        rule = self.rule

        source: None | str
        source = self.source

        volume = self.volume

        volume_rule = self.volume_rule

        waiting = []
        for waiting_item_data in self.waiting:
            waiting_item = waiting_item_data.to_dict()
            waiting.append(waiting_item)

        zone_id = str(self.zone_id)

        zone_volume = self.zone_volume

        players: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.players, Unset):
            players = []
            for players_item_data in self.players:
                players_item = players_item_data.to_dict()
                players.append(players_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "area": area,
                "basement": basement,
                "code": code,
                "devices": devices,
                "devices_in_fault": devices_in_fault,
                "floor": floor,
                "name": name,
                "position_s": position_s,
                "priority": priority,
                "program_id": program_id,
                "program_kind": program_kind,
                "program_name": program_name,
                "rule": rule,
                "source": source,
                "volume": volume,
                "volume_rule": volume_rule,
                "waiting": waiting,
                "zone_id": zone_id,
                "zone_volume": zone_volume,
            }
        )
        if players is not UNSET:
            field_dict["players"] = players

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.player_state import PlayerState  # noqa: PLC0415
        from ..models.waiting_program import WaitingProgram  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_area(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        area = _parse_area(d.pop("area"))

        basement = d.pop("basement")

        code = d.pop("code")

        devices = d.pop("devices")

        devices_in_fault = d.pop("devices_in_fault")

        def _parse_floor(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        floor = _parse_floor(d.pop("floor"))

        name = d.pop("name")

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

        def _parse_program_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        program_name = _parse_program_name(d.pop("program_name"))

        rule = d.pop("rule")

        def _parse_source(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        source = _parse_source(d.pop("source"))

        volume = d.pop("volume")

        volume_rule = d.pop("volume_rule")

        waiting = []
        _waiting = d.pop("waiting")
        for waiting_item_data in _waiting:
            waiting_item = WaitingProgram.from_dict(waiting_item_data)

            waiting.append(waiting_item)

        zone_id = UUID(d.pop("zone_id"))

        zone_volume = d.pop("zone_volume")

        _players = d.pop("players", UNSET)
        players: list[PlayerState] | Unset = UNSET
        if _players is not UNSET:
            players = []
            for players_item_data in _players:
                players_item = PlayerState.from_dict(players_item_data)

                players.append(players_item)

        zone_status = cls(
            area=area,
            basement=basement,
            code=code,
            devices=devices,
            devices_in_fault=devices_in_fault,
            floor=floor,
            name=name,
            position_s=position_s,
            priority=priority,
            program_id=program_id,
            program_kind=program_kind,
            program_name=program_name,
            rule=rule,
            source=source,
            volume=volume,
            volume_rule=volume_rule,
            waiting=waiting,
            zone_id=zone_id,
            zone_volume=zone_volume,
            players=players,
        )

        zone_status.additional_properties = d
        return zone_status

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
