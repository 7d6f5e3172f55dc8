from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.dimension import Dimension, check_dimension

T = TypeVar("T", bound="QuestionCreate")


@_attrs_define
class QuestionCreate:
    """
    Attributes:
        code (str):
        dimension (Dimension): The six dimensions of the job-analysis questionnaire (职务分析问卷).
        text (str):
    """

    code: str
    dimension: Dimension
    text: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        dimension: str = self.dimension

        text = self.text

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "dimension": dimension,
                "text": text,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        dimension = check_dimension(d.pop("dimension"))

        text = d.pop("text")

        question_create = cls(
            code=code,
            dimension=dimension,
            text=text,
        )

        question_create.additional_properties = d
        return question_create

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
