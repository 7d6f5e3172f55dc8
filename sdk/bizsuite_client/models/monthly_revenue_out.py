from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="MonthlyRevenueOut")


@_attrs_define
class MonthlyRevenueOut:
    """
    Attributes:
        account_id (UUID):
        amount (str):
        created_at (datetime.datetime):
        id (UUID):
        month (str):
        updated_at (datetime.datetime):
    """

    account_id: UUID
    amount: str
    created_at: datetime.datetime
    id: UUID
    month: str
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        account_id = str(self.account_id)

        amount = self.amount

        created_at = self.created_at.isoformat()

        id = str(self.id)

        month = self.month

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "account_id": account_id,
                "amount": amount,
                "created_at": created_at,
                "id": id,
                "month": month,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        account_id = UUID(d.pop("account_id"))

        amount = d.pop("amount")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = UUID(d.pop("id"))

        month = d.pop("month")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        monthly_revenue_out = cls(
            account_id=account_id,
            amount=amount,
            created_at=created_at,
            id=id,
            month=month,
            updated_at=updated_at,
        )

        monthly_revenue_out.additional_properties = d
        return monthly_revenue_out

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
