from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.zone_status import ZoneStatus


T = TypeVar("T", bound="VenueBoard")


@_attrs_define
class VenueBoard:
    """
    Attributes:
        at (datetime.datetime):
        venue_id (UUID):
        zones (list[ZoneStatus]):
        next_change_at (datetime.datetime | None | Unset):
    """

    at: datetime.datetime
    venue_id: UUID
    zones: list[ZoneStatus]
    next_change_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        at = self.at.isoformat()

        venue_id = str(self.venue_id)

        zones = []
        for zones_item_data in self.zones:
            zones_item = zones_item_data.to_dict()
            zones.append(zones_item)

        next_change_at: None | str | Unset
        if isinstance(self.next_change_at, Unset):
            next_change_at = UNSET
        elif isinstance(self.next_change_at, datetime.datetime):
            next_change_at = self.next_change_at.isoformat()
        else:
            next_change_at = self.next_change_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "at": at,
                "venue_id": venue_id,
                "zones": zones,
            }
        )
        if next_change_at is not UNSET:
            field_dict["next_change_at"] = next_change_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.zone_status import ZoneStatus  # noqa: PLC0415

        d = dict(src_dict)
        at = datetime.datetime.fromisoformat(d.pop("at"))

        venue_id = UUID(d.pop("venue_id"))

        zones = []
        _zones = d.pop("zones")
        for zones_item_data in _zones:
            zones_item = ZoneStatus.from_dict(zones_item_data)

            zones.append(zones_item)

        def _parse_next_change_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_change_at_type_0 = datetime.datetime.fromisoformat(data)

                return next_change_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        next_change_at = _parse_next_change_at(d.pop("next_change_at", UNSET))

        venue_board = cls(
            at=at,
            venue_id=venue_id,
            zones=zones,
            next_change_at=next_change_at,
        )

        venue_board.additional_properties = d
        return venue_board

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
