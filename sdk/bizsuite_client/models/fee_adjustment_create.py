from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="FeeAdjustmentCreate")


@_attrs_define
class FeeAdjustmentCreate:
    """
    Attributes:
        adjusts_line_id (UUID):
        amount (str): A decimal string, at most 2 decimals.
        reason (str):
    """

    adjusts_line_id: UUID
    amount: str
    reason: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        adjusts_line_id = str(self.adjusts_line_id)

        amount = self.amount

        reason = self.reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "adjusts_line_id": adjusts_line_id,
                "amount": amount,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        adjusts_line_id = UUID(d.pop("adjusts_line_id"))

        amount = d.pop("amount")

        reason = d.pop("reason")

        fee_adjustment_create = cls(
            adjusts_line_id=adjusts_line_id,
            amount=amount,
            reason=reason,
        )

        fee_adjustment_create.additional_properties = d
        return fee_adjustment_create

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
