from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="BudgetPlanVersionLine")


@_attrs_define
class BudgetPlanVersionLine:
    """
    Attributes:
        amount (str):
        category_id (UUID):
        line_id (UUID):
        period (str):
    """

    amount: str
    category_id: UUID
    line_id: UUID
    period: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        category_id = str(self.category_id)

        line_id = str(self.line_id)

        period = self.period

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "category_id": category_id,
                "line_id": line_id,
                "period": period,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        category_id = UUID(d.pop("category_id"))

        line_id = UUID(d.pop("line_id"))

        period = d.pop("period")

        budget_plan_version_line = cls(
            amount=amount,
            category_id=category_id,
            line_id=line_id,
            period=period,
        )

        budget_plan_version_line.additional_properties = d
        return budget_plan_version_line

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
