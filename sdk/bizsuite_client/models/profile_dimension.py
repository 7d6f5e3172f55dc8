from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.dimension import Dimension, check_dimension

T = TypeVar("T", bound="ProfileDimension")


@_attrs_define
class ProfileDimension:
    """
    Attributes:
        dimension (Dimension): The six dimensions of the job-analysis questionnaire (职务分析问卷).
        importance (str):
        items (int):
        need (str):
    """

    dimension: Dimension
    importance: str
    items: int
    need: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        dimension: str = self.dimension

        importance = self.importance

        items = self.items

        need = self.need

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "dimension": dimension,
                "importance": importance,
                "items": items,
                "need": need,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        dimension = check_dimension(d.pop("dimension"))

        importance = d.pop("importance")

        items = d.pop("items")

        need = d.pop("need")

        profile_dimension = cls(
            dimension=dimension,
            importance=importance,
            items=items,
            need=need,
        )

        profile_dimension.additional_properties = d
        return profile_dimension

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
