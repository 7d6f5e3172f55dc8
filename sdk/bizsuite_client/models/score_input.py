from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.appraisal_level import AppraisalLevel, check_appraisal_level
from ..types import UNSET, Unset

T = TypeVar("T", bound="ScoreInput")


@_attrs_define
class ScoreInput:
    """
    Attributes:
        duty_id (UUID):
        level (AppraisalLevel): A duty's level against its four-level standard (优/良/可/差).
        comment (None | str | Unset):
    """

    duty_id: UUID
    level: AppraisalLevel
    comment: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        duty_id = str(self.duty_id)

        level: str = self.level

        comment: None | str | Unset
        if isinstance(self.comment, Unset):
            comment = UNSET
        else:
            comment = self.comment

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "duty_id": duty_id,
                "level": level,
            }
        )
        if comment is not UNSET:
            field_dict["comment"] = comment

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        duty_id = UUID(d.pop("duty_id"))

        level = check_appraisal_level(d.pop("level"))

        def _parse_comment(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        comment = _parse_comment(d.pop("comment", UNSET))

        score_input = cls(
            duty_id=duty_id,
            level=level,
            comment=comment,
        )

        score_input.additional_properties = d
        return score_input

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
