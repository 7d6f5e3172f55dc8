from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="FeePaymentView")


@_attrs_define
class FeePaymentView:
    """
    Attributes:
        amount (str):
        created_at (datetime.datetime):
        id (UUID):
        paid_on (datetime.date):
        reference (None | str):
        statement_id (UUID):
    """

    amount: str
    created_at: datetime.datetime
    id: UUID
    paid_on: datetime.date
    reference: None | str
    statement_id: UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        created_at = self.created_at.isoformat()

        id = str(self.id)

        paid_on = self.paid_on.isoformat()

        reference: None | str
        reference = self.reference

        statement_id = str(self.statement_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "created_at": created_at,
                "id": id,
                "paid_on": paid_on,
                "reference": reference,
                "statement_id": statement_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = UUID(d.pop("id"))

        paid_on = datetime.date.fromisoformat(d.pop("paid_on"))

        def _parse_reference(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reference = _parse_reference(d.pop("reference"))

        statement_id = UUID(d.pop("statement_id"))

        fee_payment_view = cls(
            amount=amount,
            created_at=created_at,
            id=id,
            paid_on=paid_on,
            reference=reference,
            statement_id=statement_id,
        )

        fee_payment_view.additional_properties = d
        return fee_payment_view

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
