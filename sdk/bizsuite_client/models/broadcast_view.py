from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="BroadcastView")


@_attrs_define
class BroadcastView:
    """
    Attributes:
        alarm_id (None | str):
        created_at (datetime.datetime):
        end_reason (None | str):
        ended_at (datetime.datetime | None):
        ended_by (None | str):
        ends_at (datetime.datetime | None):
        id (UUID):
        kind (str):
        live (bool):
        origin (None | str):
        reason (None | str):
        source (str):
        started_at (datetime.datetime):
        started_by (str):
        venue_id (UUID):
        version (int):
        zone_ids (list[UUID]):
        players_acknowledged (int | Unset):  Default: 0.
        players_commanded (int | Unset):  Default: 0.
        slowest_ack_s (float | None | Unset):
    """

    alarm_id: None | str
    created_at: datetime.datetime
    end_reason: None | str
    ended_at: datetime.datetime | None
    ended_by: None | str
    ends_at: datetime.datetime | None
    id: UUID
    kind: str
    live: bool
    origin: None | str
    reason: None | str
    source: str
    started_at: datetime.datetime
    started_by: str
    venue_id: UUID
    version: int
    zone_ids: list[UUID]
    players_acknowledged: int | Unset = 0
    players_commanded: int | Unset = 0
    slowest_ack_s: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        alarm_id: None | str
        alarm_id = self.alarm_id

        created_at = self.created_at.isoformat()

        end_reason: None | str
        end_reason = self.end_reason

        ended_at: None | str
        if isinstance(self.ended_at, datetime.datetime):
            ended_at = self.ended_at.isoformat()
        else:
            ended_at = self.ended_at

        ended_by: None | str
        ended_by = self.ended_by

        ends_at: None | str
        if isinstance(self.ends_at, datetime.datetime):
            ends_at = self.ends_at.isoformat()
        else:
            ends_at = self.ends_at

        id = str(self.id)

        kind = self.kind

        live = self.live

        origin: None | str
        origin = self.origin

        reason: None | str
        reason = self.reason

        source = self.source

        started_at = self.started_at.isoformat()

        started_by = self.started_by

        venue_id = str(self.venue_id)

        version = self.version

        zone_ids = []
        for zone_ids_item_data in self.zone_ids:
            zone_ids_item = str(zone_ids_item_data)
            zone_ids.append(zone_ids_item)

        players_acknowledged = self.players_acknowledged

        players_commanded = self.players_commanded

        slowest_ack_s: float | None | Unset
        if isinstance(self.slowest_ack_s, Unset):
            slowest_ack_s = UNSET
        else:
            slowest_ack_s = self.slowest_ack_s

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "alarm_id": alarm_id,
                "created_at": created_at,
                "end_reason": end_reason,
                "ended_at": ended_at,
                "ended_by": ended_by,
                "ends_at": ends_at,
                "id": id,
                "kind": kind,
                "live": live,
                "origin": origin,
                "reason": reason,
                "source": source,
                "started_at": started_at,
                "started_by": started_by,
                "venue_id": venue_id,
                "version": version,
                "zone_ids": zone_ids,
            }
        )
        if players_acknowledged is not UNSET:
            field_dict["players_acknowledged"] = players_acknowledged
        if players_commanded is not UNSET:
            field_dict["players_commanded"] = players_commanded
        if slowest_ack_s is not UNSET:
            field_dict["slowest_ack_s"] = slowest_ack_s

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_alarm_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        alarm_id = _parse_alarm_id(d.pop("alarm_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_end_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        end_reason = _parse_end_reason(d.pop("end_reason"))

        def _parse_ended_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ended_at_type_0 = datetime.datetime.fromisoformat(data)

                return ended_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        ended_at = _parse_ended_at(d.pop("ended_at"))

        def _parse_ended_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        ended_by = _parse_ended_by(d.pop("ended_by"))

        def _parse_ends_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ends_at_type_0 = datetime.datetime.fromisoformat(data)

                return ends_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        ends_at = _parse_ends_at(d.pop("ends_at"))

        id = UUID(d.pop("id"))

        kind = d.pop("kind")

        live = d.pop("live")

        def _parse_origin(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        origin = _parse_origin(d.pop("origin"))

        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))

        source = d.pop("source")

        started_at = datetime.datetime.fromisoformat(d.pop("started_at"))

        started_by = d.pop("started_by")

        venue_id = UUID(d.pop("venue_id"))

        version = d.pop("version")

        zone_ids = []
        _zone_ids = d.pop("zone_ids")
        for zone_ids_item_data in _zone_ids:
            zone_ids_item = UUID(zone_ids_item_data)

            zone_ids.append(zone_ids_item)

        players_acknowledged = d.pop("players_acknowledged", UNSET)

        players_commanded = d.pop("players_commanded", UNSET)

        def _parse_slowest_ack_s(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        slowest_ack_s = _parse_slowest_ack_s(d.pop("slowest_ack_s", UNSET))

        broadcast_view = cls(
            alarm_id=alarm_id,
            created_at=created_at,
            end_reason=end_reason,
            ended_at=ended_at,
            ended_by=ended_by,
            ends_at=ends_at,
            id=id,
            kind=kind,
            live=live,
            origin=origin,
            reason=reason,
            source=source,
            started_at=started_at,
            started_by=started_by,
            venue_id=venue_id,
            version=version,
            zone_ids=zone_ids,
            players_acknowledged=players_acknowledged,
            players_commanded=players_commanded,
            slowest_ack_s=slowest_ack_s,
        )

        broadcast_view.additional_properties = d
        return broadcast_view

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
