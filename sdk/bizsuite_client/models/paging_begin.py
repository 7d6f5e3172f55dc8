from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PagingBegin")


@_attrs_define
class PagingBegin:
    """
    Attributes:
        source (str):
        venue_id (UUID):
        max_duration_s (int | Unset):  Default: 300.
        reason (None | str | Unset):
        zone_group_id (None | Unset | UUID):
        zone_ids (list[UUID] | Unset):
    """

    source: str
    venue_id: UUID
    max_duration_s: int | Unset = 300
    reason: None | str | Unset = UNSET
    zone_group_id: None | Unset | UUID = UNSET
    zone_ids: list[UUID] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        source = self.source

        venue_id = str(self.venue_id)

        max_duration_s = self.max_duration_s

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        zone_group_id: None | str | Unset
        if isinstance(self.zone_group_id, Unset):
            zone_group_id = UNSET
        elif isinstance(self.zone_group_id, UUID):
            zone_group_id = str(self.zone_group_id)
        else:
            zone_group_id = self.zone_group_id

        zone_ids: list[str] | Unset = UNSET
        if not isinstance(self.zone_ids, Unset):
            zone_ids = []
            for zone_ids_item_data in self.zone_ids:
                zone_ids_item = str(zone_ids_item_data)
                zone_ids.append(zone_ids_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "source": source,
                "venue_id": venue_id,
            }
        )
        if max_duration_s is not UNSET:
            field_dict["max_duration_s"] = max_duration_s
        if reason is not UNSET:
            field_dict["reason"] = reason
        if zone_group_id is not UNSET:
            field_dict["zone_group_id"] = zone_group_id
        if zone_ids is not UNSET:
            field_dict["zone_ids"] = zone_ids

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        source = d.pop("source")

        venue_id = UUID(d.pop("venue_id"))

        max_duration_s = d.pop("max_duration_s", UNSET)

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        def _parse_zone_group_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                zone_group_id_type_0 = UUID(data)

                return zone_group_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        zone_group_id = _parse_zone_group_id(d.pop("zone_group_id", UNSET))

        _zone_ids = d.pop("zone_ids", UNSET)
        zone_ids: list[UUID] | Unset = UNSET
        if _zone_ids is not UNSET:
            zone_ids = []
            for zone_ids_item_data in _zone_ids:
                zone_ids_item = UUID(zone_ids_item_data)

                zone_ids.append(zone_ids_item)

        paging_begin = cls(
            source=source,
            venue_id=venue_id,
            max_duration_s=max_duration_s,
            reason=reason,
            zone_group_id=zone_group_id,
            zone_ids=zone_ids,
        )

        paging_begin.additional_properties = d
        return paging_begin

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
