from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.chatter_follower_out import ChatterFollowerOut


T = TypeVar("T", bound="ChatterFollowerList")


@_attrs_define
class ChatterFollowerList:
    """
    Attributes:
        following (bool):
        items (list[ChatterFollowerOut]):
    """

    following: bool
    items: list[ChatterFollowerOut]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        following = self.following

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "following": following,
                "items": items,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.chatter_follower_out import ChatterFollowerOut  # noqa: PLC0415

        d = dict(src_dict)
        following = d.pop("following")

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = ChatterFollowerOut.from_dict(items_item_data)

            items.append(items_item)

        chatter_follower_list = cls(
            following=following,
            items=items,
        )

        chatter_follower_list.additional_properties = d
        return chatter_follower_list

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
