from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.appraisal_level import AppraisalLevel, check_appraisal_level

T = TypeVar("T", bound="DutyScore")


@_attrs_define
class DutyScore:
    """
    Attributes:
        comment (None | str):
        level (AppraisalLevel): A duty's level against its four-level standard (优/良/可/差).
        points (str):
        scored_at (datetime.datetime):
    """

    comment: None | str
    level: AppraisalLevel
    points: str
    scored_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        comment: None | str
        comment = self.comment

        level: str = self.level

        points = self.points

        scored_at = self.scored_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "comment": comment,
                "level": level,
                "points": points,
                "scored_at": scored_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_comment(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        comment = _parse_comment(d.pop("comment"))

        level = check_appraisal_level(d.pop("level"))

        points = d.pop("points")

        scored_at = datetime.datetime.fromisoformat(d.pop("scored_at"))

        duty_score = cls(
            comment=comment,
            level=level,
            points=points,
            scored_at=scored_at,
        )

        duty_score.additional_properties = d
        return duty_score

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
