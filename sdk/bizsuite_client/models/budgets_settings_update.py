from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="BudgetsSettingsUpdate")


@_attrs_define
class BudgetsSettingsUpdate:
    """
    Attributes:
        reminder_days (int | Unset):
        submission_day (int | Unset):
    """

    reminder_days: int | Unset = UNSET
    submission_day: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        reminder_days: int | Unset
        if isinstance(self.reminder_days, Unset):
            reminder_days = UNSET
        else:
            reminder_days = self.reminder_days

        submission_day: int | Unset
        if isinstance(self.submission_day, Unset):
            submission_day = UNSET
        else:
            submission_day = self.submission_day

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if reminder_days is not UNSET:
            field_dict["reminder_days"] = reminder_days
        if submission_day is not UNSET:
            field_dict["submission_day"] = submission_day

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_reminder_days(data: object) -> int | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | Unset, data)

        reminder_days = _parse_reminder_days(d.pop("reminder_days", UNSET))

        def _parse_submission_day(data: object) -> int | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | Unset, data)

        submission_day = _parse_submission_day(d.pop("submission_day", UNSET))

        budgets_settings_update = cls(
            reminder_days=reminder_days,
            submission_day=submission_day,
        )

        budgets_settings_update.additional_properties = d
        return budgets_settings_update

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
