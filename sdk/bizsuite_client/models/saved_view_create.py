from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SavedViewCreate")


@_attrs_define
class SavedViewCreate:
    """
    Attributes:
        list_key (str):
        name (str):
        query (str):
        shared (bool | Unset):  Default: False.
    """

    list_key: str
    name: str
    query: str
    shared: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        list_key = self.list_key

        name = self.name

        query = self.query

        shared = self.shared

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "list_key": list_key,
                "name": name,
                "query": query,
            }
        )
        if shared is not UNSET:
            field_dict["shared"] = shared

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        list_key = d.pop("list_key")

        name = d.pop("name")

        query = d.pop("query")

        shared = d.pop("shared", UNSET)

        saved_view_create = cls(
            list_key=list_key,
            name=name,
            query=query,
            shared=shared,
        )

        saved_view_create.additional_properties = d
        return saved_view_create

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
