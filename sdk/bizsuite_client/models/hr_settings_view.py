from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="HrSettingsView")


@_attrs_define
class HrSettingsView:
    """
    Attributes:
        points_excellent (str):
        points_fair (str):
        points_good (str):
        points_poor (str):
        updated_at (datetime.datetime):
        version (int):
    """

    points_excellent: str
    points_fair: str
    points_good: str
    points_poor: str
    updated_at: datetime.datetime
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        points_excellent = self.points_excellent

        points_fair = self.points_fair

        points_good = self.points_good

        points_poor = self.points_poor

        updated_at = self.updated_at.isoformat()

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "points_excellent": points_excellent,
                "points_fair": points_fair,
                "points_good": points_good,
                "points_poor": points_poor,
                "updated_at": updated_at,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        points_excellent = d.pop("points_excellent")

        points_fair = d.pop("points_fair")

        points_good = d.pop("points_good")

        points_poor = d.pop("points_poor")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        hr_settings_view = cls(
            points_excellent=points_excellent,
            points_fair=points_fair,
            points_good=points_good,
            points_poor=points_poor,
            updated_at=updated_at,
            version=version,
        )

        hr_settings_view.additional_properties = d
        return hr_settings_view

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
