from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.invoice_status import InvoiceStatus, check_invoice_status

T = TypeVar("T", bound="ResellerInvoiceOut")


@_attrs_define
class ResellerInvoiceOut:
    """
    Attributes:
        amount (str):
        created_at (datetime.datetime):
        currency (str):
        id (UUID):
        number (str):
        status (InvoiceStatus): An invoice's state (Stripe's names).
    """

    amount: str
    created_at: datetime.datetime
    currency: str
    id: UUID
    number: str
    status: InvoiceStatus
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        created_at = self.created_at.isoformat()

        currency = self.currency

        id = str(self.id)

        number = self.number

        status: str = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "created_at": created_at,
                "currency": currency,
                "id": id,
                "number": number,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        currency = d.pop("currency")

        id = UUID(d.pop("id"))

        number = d.pop("number")

        status = check_invoice_status(d.pop("status"))

        reseller_invoice_out = cls(
            amount=amount,
            created_at=created_at,
            currency=currency,
            id=id,
            number=number,
            status=status,
        )

        reseller_invoice_out.additional_properties = d
        return reseller_invoice_out

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
