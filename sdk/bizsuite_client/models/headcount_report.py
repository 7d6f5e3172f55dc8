from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.headcount_unit import HeadcountUnit
    from ..models.staffing_view import StaffingView


T = TypeVar("T", bound="HeadcountReport")


@_attrs_define
class HeadcountReport:
    """
    Attributes:
        on (datetime.date):
        total (StaffingView):
        units (list[HeadcountUnit]):
    """

    on: datetime.date
    total: StaffingView
    units: list[HeadcountUnit]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        on = self.on.isoformat()

        total = self.total.to_dict()

        units = []
        for units_item_data in self.units:
            units_item = units_item_data.to_dict()
            units.append(units_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "on": on,
                "total": total,
                "units": units,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.headcount_unit import HeadcountUnit  # noqa: PLC0415
        from ..models.staffing_view import StaffingView  # noqa: PLC0415

        d = dict(src_dict)
        on = datetime.date.fromisoformat(d.pop("on"))

        total = StaffingView.from_dict(d.pop("total"))

        units = []
        _units = d.pop("units")
        for units_item_data in _units:
            units_item = HeadcountUnit.from_dict(units_item_data)

            units.append(units_item)

        headcount_report = cls(
            on=on,
            total=total,
            units=units,
        )

        headcount_report.additional_properties = d
        return headcount_report

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
