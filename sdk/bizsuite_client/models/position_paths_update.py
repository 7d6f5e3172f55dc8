from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PositionPathsUpdate")


@_attrs_define
class PositionPathsUpdate:
    """
    Attributes:
        can_fill (list[UUID] | Unset):
        lateral (list[UUID] | Unset):
        promotes_to (list[UUID] | Unset):
    """

    can_fill: list[UUID] | Unset = UNSET
    lateral: list[UUID] | Unset = UNSET
    promotes_to: list[UUID] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        can_fill: list[str] | Unset = UNSET
        if not isinstance(self.can_fill, Unset):
            can_fill = []
            for can_fill_item_data in self.can_fill:
                can_fill_item = str(can_fill_item_data)
                can_fill.append(can_fill_item)

        lateral: list[str] | Unset = UNSET
        if not isinstance(self.lateral, Unset):
            lateral = []
            for lateral_item_data in self.lateral:
                lateral_item = str(lateral_item_data)
                lateral.append(lateral_item)

        promotes_to: list[str] | Unset = UNSET
        if not isinstance(self.promotes_to, Unset):
            promotes_to = []
            for promotes_to_item_data in self.promotes_to:
                promotes_to_item = str(promotes_to_item_data)
                promotes_to.append(promotes_to_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if can_fill is not UNSET:
            field_dict["can_fill"] = can_fill
        if lateral is not UNSET:
            field_dict["lateral"] = lateral
        if promotes_to is not UNSET:
            field_dict["promotes_to"] = promotes_to

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _can_fill = d.pop("can_fill", UNSET)
        can_fill: list[UUID] | Unset = UNSET
        if _can_fill is not UNSET:
            can_fill = []
            for can_fill_item_data in _can_fill:
                can_fill_item = UUID(can_fill_item_data)

                can_fill.append(can_fill_item)

        _lateral = d.pop("lateral", UNSET)
        lateral: list[UUID] | Unset = UNSET
        if _lateral is not UNSET:
            lateral = []
            for lateral_item_data in _lateral:
                lateral_item = UUID(lateral_item_data)

                lateral.append(lateral_item)

        _promotes_to = d.pop("promotes_to", UNSET)
        promotes_to: list[UUID] | Unset = UNSET
        if _promotes_to is not UNSET:
            promotes_to = []
            for promotes_to_item_data in _promotes_to:
                promotes_to_item = UUID(promotes_to_item_data)

                promotes_to.append(promotes_to_item)

        position_paths_update = cls(
            can_fill=can_fill,
            lateral=lateral,
            promotes_to=promotes_to,
        )

        position_paths_update.additional_properties = d
        return position_paths_update

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
