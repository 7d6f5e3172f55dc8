from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="RatingInput")


@_attrs_define
class RatingInput:
    """
    Attributes:
        contribution (int): 1 (lowest) to 5 (highest).
        importance (int): 1 (lowest) to 5 (highest).
        need (int): 1 (lowest) to 5 (highest).
        question_id (UUID):
    """

    contribution: int
    importance: int
    need: int
    question_id: UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        contribution = self.contribution

        importance = self.importance

        need = self.need

        question_id = str(self.question_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "contribution": contribution,
                "importance": importance,
                "need": need,
                "question_id": question_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        contribution = d.pop("contribution")

        importance = d.pop("importance")

        need = d.pop("need")

        question_id = UUID(d.pop("question_id"))

        rating_input = cls(
            contribution=contribution,
            importance=importance,
            need=need,
            question_id=question_id,
        )

        rating_input.additional_properties = d
        return rating_input

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
