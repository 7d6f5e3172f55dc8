from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="FeeProfitFigureCreate")


@_attrs_define
class FeeProfitFigureCreate:
    """
    Attributes:
        org_unit_id (UUID):
        reported (str): A decimal string, at most 2 decimals.
        year (int):
    """

    org_unit_id: UUID
    reported: str
    year: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        org_unit_id = str(self.org_unit_id)

        reported = self.reported

        year = self.year

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "org_unit_id": org_unit_id,
                "reported": reported,
                "year": year,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        org_unit_id = UUID(d.pop("org_unit_id"))

        reported = d.pop("reported")

        year = d.pop("year")

        fee_profit_figure_create = cls(
            org_unit_id=org_unit_id,
            reported=reported,
            year=year,
        )

        fee_profit_figure_create.additional_properties = d
        return fee_profit_figure_create

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
