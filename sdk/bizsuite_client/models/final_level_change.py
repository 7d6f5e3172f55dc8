from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.appraisal_level import AppraisalLevel, check_appraisal_level

T = TypeVar("T", bound="FinalLevelChange")


@_attrs_define
class FinalLevelChange:
    """
    Attributes:
        level (AppraisalLevel | None):
        reason (str):
    """

    level: AppraisalLevel | None
    reason: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        level: None | str
        if isinstance(self.level, str):
            level = self.level
        else:
            level = self.level

        reason = self.reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "level": level,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_level(data: object) -> AppraisalLevel | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                level_type_0 = check_appraisal_level(data)

                return level_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AppraisalLevel | None, data)

        level = _parse_level(d.pop("level"))

        reason = d.pop("reason")

        final_level_change = cls(
            level=level,
            reason=reason,
        )

        final_level_change.additional_properties = d
        return final_level_change

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
