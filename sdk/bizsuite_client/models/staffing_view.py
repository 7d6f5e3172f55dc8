from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="StaffingView")


@_attrs_define
class StaffingView:
    """
    Attributes:
        filled (int):
        formula (str):
        headcount (int):
        over (int):
        vacancies (int):
    """

    filled: int
    formula: str
    headcount: int
    over: int
    vacancies: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        filled = self.filled

        formula = self.formula

        headcount = self.headcount

        over = self.over

        vacancies = self.vacancies

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "filled": filled,
                "formula": formula,
                "headcount": headcount,
                "over": over,
                "vacancies": vacancies,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        filled = d.pop("filled")

        formula = d.pop("formula")

        headcount = d.pop("headcount")

        over = d.pop("over")

        vacancies = d.pop("vacancies")

        staffing_view = cls(
            filled=filled,
            formula=formula,
            headcount=headcount,
            over=over,
            vacancies=vacancies,
        )

        staffing_view.additional_properties = d
        return staffing_view

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
