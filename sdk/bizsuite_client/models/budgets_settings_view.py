from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="BudgetsSettingsView")


@_attrs_define
class BudgetsSettingsView:
    """
    Attributes:
        reminder_days (int):
        submission_day (int):
        updated_at (datetime.datetime):
        version (int):
    """

    reminder_days: int
    submission_day: int
    updated_at: datetime.datetime
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        reminder_days = self.reminder_days

        submission_day = self.submission_day

        updated_at = self.updated_at.isoformat()

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "reminder_days": reminder_days,
                "submission_day": submission_day,
                "updated_at": updated_at,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reminder_days = d.pop("reminder_days")

        submission_day = d.pop("submission_day")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        budgets_settings_view = cls(
            reminder_days=reminder_days,
            submission_day=submission_day,
            updated_at=updated_at,
            version=version,
        )

        budgets_settings_view.additional_properties = d
        return budgets_settings_view

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
