from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ChatterChange")


@_attrs_define
class ChatterChange:
    """
    Attributes:
        field (str):
        label (str):
        new (str):
        old (str):
        new_value (Any | Unset):
        old_value (Any | Unset):
    """

    field: str
    label: str
    new: str
    old: str
    new_value: Any | Unset = UNSET
    old_value: Any | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field = self.field

        label = self.label

        new = self.new

        old = self.old

        new_value = self.new_value

        old_value = self.old_value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "field": field,
                "label": label,
                "new": new,
                "old": old,
            }
        )
        if new_value is not UNSET:
            field_dict["new_value"] = new_value
        if old_value is not UNSET:
            field_dict["old_value"] = old_value

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        field = d.pop("field")

        label = d.pop("label")

        new = d.pop("new")

        old = d.pop("old")

        new_value = d.pop("new_value", UNSET)

        old_value = d.pop("old_value", UNSET)

        chatter_change = cls(
            field=field,
            label=label,
            new=new,
            old=old,
            new_value=new_value,
            old_value=old_value,
        )

        chatter_change.additional_properties = d
        return chatter_change

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
