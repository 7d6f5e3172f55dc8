from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.dimension import Dimension, check_dimension

if TYPE_CHECKING:
    from ..models.role_means import RoleMeans


T = TypeVar("T", bound="QuestionResult")


@_attrs_define
class QuestionResult:
    """
    Attributes:
        code (str):
        contribution (str):
        dimension (Dimension): The six dimensions of the job-analysis questionnaire (职务分析问卷).
        disagreement (bool):
        gap (None | str):
        importance (str):
        incumbents (RoleMeans):
        managers (RoleMeans):
        need (str):
        points (str):
        question_id (UUID):
        raters (int):
        text (str):
    """

    code: str
    contribution: str
    dimension: Dimension
    disagreement: bool
    gap: None | str
    importance: str
    incumbents: RoleMeans
    managers: RoleMeans
    need: str
    points: str
    question_id: UUID
    raters: int
    text: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        contribution = self.contribution

        dimension: str = self.dimension

        disagreement = self.disagreement

        gap: None | str
        gap = self.gap

        importance = self.importance

        incumbents = self.incumbents.to_dict()

        managers = self.managers.to_dict()

        need = self.need

        points = self.points

        question_id = str(self.question_id)

        raters = self.raters

        text = self.text

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "contribution": contribution,
                "dimension": dimension,
                "disagreement": disagreement,
                "gap": gap,
                "importance": importance,
                "incumbents": incumbents,
                "managers": managers,
                "need": need,
                "points": points,
                "question_id": question_id,
                "raters": raters,
                "text": text,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.role_means import RoleMeans  # noqa: PLC0415

        d = dict(src_dict)
        code = d.pop("code")

        contribution = d.pop("contribution")

        dimension = check_dimension(d.pop("dimension"))

        disagreement = d.pop("disagreement")

        def _parse_gap(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        gap = _parse_gap(d.pop("gap"))

        importance = d.pop("importance")

        incumbents = RoleMeans.from_dict(d.pop("incumbents"))

        managers = RoleMeans.from_dict(d.pop("managers"))

        need = d.pop("need")

        points = d.pop("points")

        question_id = UUID(d.pop("question_id"))

        raters = d.pop("raters")

        text = d.pop("text")

        question_result = cls(
            code=code,
            contribution=contribution,
            dimension=dimension,
            disagreement=disagreement,
            gap=gap,
            importance=importance,
            incumbents=incumbents,
            managers=managers,
            need=need,
            points=points,
            question_id=question_id,
            raters=raters,
            text=text,
        )

        question_result.additional_properties = d
        return question_result

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
