from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="BudgetForecastSet")


@_attrs_define
class BudgetForecastSet:
    """
    Attributes:
        amount (str):
        org_unit_id (UUID):
        period (str): A month (2027-01), a quarter (2027-Q1) or a year (2027).
    """

    amount: str
    org_unit_id: UUID
    period: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        org_unit_id = str(self.org_unit_id)

        period = self.period

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "org_unit_id": org_unit_id,
                "period": period,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        org_unit_id = UUID(d.pop("org_unit_id"))

        period = d.pop("period")

        budget_forecast_set = cls(
            amount=amount,
            org_unit_id=org_unit_id,
            period=period,
        )

        budget_forecast_set.additional_properties = d
        return budget_forecast_set

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
