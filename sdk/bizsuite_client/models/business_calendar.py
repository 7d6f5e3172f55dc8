from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.business_calendar_hours import BusinessCalendarHours


T = TypeVar("T", bound="BusinessCalendar")


@_attrs_define
class BusinessCalendar:
    """
    Attributes:
        holidays (list[datetime.date] | Unset):
        hours (BusinessCalendarHours | Unset):
    """

    holidays: list[datetime.date] | Unset = UNSET
    hours: BusinessCalendarHours | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        holidays: list[str] | Unset = UNSET
        if not isinstance(self.holidays, Unset):
            holidays = []
            for holidays_item_data in self.holidays:
                holidays_item = holidays_item_data.isoformat()
                holidays.append(holidays_item)

        hours: dict[str, Any] | Unset = UNSET
        if not isinstance(self.hours, Unset):
            hours = self.hours.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if holidays is not UNSET:
            field_dict["holidays"] = holidays
        if hours is not UNSET:
            field_dict["hours"] = hours

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.business_calendar_hours import BusinessCalendarHours  # noqa: PLC0415

        d = dict(src_dict)
        _holidays = d.pop("holidays", UNSET)
        holidays: list[datetime.date] | Unset = UNSET
        if _holidays is not UNSET:
            holidays = []
            for holidays_item_data in _holidays:
                holidays_item = datetime.date.fromisoformat(holidays_item_data)

                holidays.append(holidays_item)

        _hours = d.pop("hours", UNSET)
        hours: BusinessCalendarHours | Unset
        if isinstance(_hours, Unset):
            hours = UNSET
        else:
            hours = BusinessCalendarHours.from_dict(_hours)

        business_calendar = cls(
            holidays=holidays,
            hours=hours,
        )

        business_calendar.additional_properties = d
        return business_calendar

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
