from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PositionRollup")


@_attrs_define
class PositionRollup:
    """
    Attributes:
        employees (int):
        formula (str):
        position_code (str):
        position_id (UUID):
        position_title (str):
        score (None | str):
        scored (int):
        scores (list[str]):
    """

    employees: int
    formula: str
    position_code: str
    position_id: UUID
    position_title: str
    score: None | str
    scored: int
    scores: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        employees = self.employees

        formula = self.formula

        position_code = self.position_code

        position_id = str(self.position_id)

        position_title = self.position_title

        score: None | str
        score = self.score

        scored = self.scored

        scores = self.scores

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "employees": employees,
                "formula": formula,
                "position_code": position_code,
                "position_id": position_id,
                "position_title": position_title,
                "score": score,
                "scored": scored,
                "scores": scores,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        employees = d.pop("employees")

        formula = d.pop("formula")

        position_code = d.pop("position_code")

        position_id = UUID(d.pop("position_id"))

        position_title = d.pop("position_title")

        def _parse_score(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        score = _parse_score(d.pop("score"))

        scored = d.pop("scored")

        scores = cast(list[str], d.pop("scores"))

        position_rollup = cls(
            employees=employees,
            formula=formula,
            position_code=position_code,
            position_id=position_id,
            position_title=position_title,
            score=score,
            scored=scored,
            scores=scores,
        )

        position_rollup.additional_properties = d
        return position_rollup

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
