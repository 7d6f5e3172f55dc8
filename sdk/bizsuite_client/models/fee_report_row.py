from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="FeeReportRow")


@_attrs_define
class FeeReportRow:
    """
    Attributes:
        amount (str):
        component (str):
        org_unit_id (UUID):
        org_unit_name (str):
        quarter (int):
    """

    amount: str
    component: str
    org_unit_id: UUID
    org_unit_name: str
    quarter: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        component = self.component

        org_unit_id = str(self.org_unit_id)

        org_unit_name = self.org_unit_name

        quarter = self.quarter

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "component": component,
                "org_unit_id": org_unit_id,
                "org_unit_name": org_unit_name,
                "quarter": quarter,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        component = d.pop("component")

        org_unit_id = UUID(d.pop("org_unit_id"))

        org_unit_name = d.pop("org_unit_name")

        quarter = d.pop("quarter")

        fee_report_row = cls(
            amount=amount,
            component=component,
            org_unit_id=org_unit_id,
            org_unit_name=org_unit_name,
            quarter=quarter,
        )

        fee_report_row.additional_properties = d
        return fee_report_row

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
