from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="RoleMeans")


@_attrs_define
class RoleMeans:
    """
    Attributes:
        contribution (None | str):
        importance (None | str):
        need (None | str):
    """

    contribution: None | str
    importance: None | str
    need: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        contribution: None | str
        contribution = self.contribution

        importance: None | str
        importance = self.importance

        need: None | str
        need = self.need

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "contribution": contribution,
                "importance": importance,
                "need": need,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_contribution(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        contribution = _parse_contribution(d.pop("contribution"))

        def _parse_importance(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        importance = _parse_importance(d.pop("importance"))

        def _parse_need(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        need = _parse_need(d.pop("need"))

        role_means = cls(
            contribution=contribution,
            importance=importance,
            need=need,
        )

        role_means.additional_properties = d
        return role_means

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
