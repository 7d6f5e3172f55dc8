from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="HrSettingsUpdate")


@_attrs_define
class HrSettingsUpdate:
    """
    Attributes:
        points_excellent (str | Unset): Points of a level, 0 to 1000, at most 2 decimals (decimal string).
        points_fair (str | Unset): Points of a level, 0 to 1000, at most 2 decimals (decimal string).
        points_good (str | Unset): Points of a level, 0 to 1000, at most 2 decimals (decimal string).
        points_poor (str | Unset): Points of a level, 0 to 1000, at most 2 decimals (decimal string).
    """

    points_excellent: str | Unset = UNSET
    points_fair: str | Unset = UNSET
    points_good: str | Unset = UNSET
    points_poor: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        points_excellent: str | Unset
        if isinstance(self.points_excellent, Unset):
            points_excellent = UNSET
        else:
            points_excellent = self.points_excellent

        points_fair: str | Unset
        if isinstance(self.points_fair, Unset):
            points_fair = UNSET
        else:
            points_fair = self.points_fair

        points_good: str | Unset
        if isinstance(self.points_good, Unset):
            points_good = UNSET
        else:
            points_good = self.points_good

        points_poor: str | Unset
        if isinstance(self.points_poor, Unset):
            points_poor = UNSET
        else:
            points_poor = self.points_poor

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if points_excellent is not UNSET:
            field_dict["points_excellent"] = points_excellent
        if points_fair is not UNSET:
            field_dict["points_fair"] = points_fair
        if points_good is not UNSET:
            field_dict["points_good"] = points_good
        if points_poor is not UNSET:
            field_dict["points_poor"] = points_poor

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_points_excellent(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        points_excellent = _parse_points_excellent(d.pop("points_excellent", UNSET))

        def _parse_points_fair(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        points_fair = _parse_points_fair(d.pop("points_fair", UNSET))

        def _parse_points_good(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        points_good = _parse_points_good(d.pop("points_good", UNSET))

        def _parse_points_poor(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        points_poor = _parse_points_poor(d.pop("points_poor", UNSET))

        hr_settings_update = cls(
            points_excellent=points_excellent,
            points_fair=points_fair,
            points_good=points_good,
            points_poor=points_poor,
        )

        hr_settings_update.additional_properties = d
        return hr_settings_update

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
