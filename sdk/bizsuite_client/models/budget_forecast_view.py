from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="BudgetForecastView")


@_attrs_define
class BudgetForecastView:
    """
    Attributes:
        amount (str):
        id (UUID):
        org_unit_id (UUID):
        period (str):
        updated_at (datetime.datetime):
        version (int):
    """

    amount: str
    id: UUID
    org_unit_id: UUID
    period: str
    updated_at: datetime.datetime
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        id = str(self.id)

        org_unit_id = str(self.org_unit_id)

        period = self.period

        updated_at = self.updated_at.isoformat()

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "id": id,
                "org_unit_id": org_unit_id,
                "period": period,
                "updated_at": updated_at,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        id = UUID(d.pop("id"))

        org_unit_id = UUID(d.pop("org_unit_id"))

        period = d.pop("period")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        budget_forecast_view = cls(
            amount=amount,
            id=id,
            org_unit_id=org_unit_id,
            period=period,
            updated_at=updated_at,
            version=version,
        )

        budget_forecast_view.additional_properties = d
        return budget_forecast_view

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
