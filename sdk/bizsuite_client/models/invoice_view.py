from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.invoice_kind import InvoiceKind, check_invoice_kind

T = TypeVar("T", bound="InvoiceView")


@_attrs_define
class InvoiceView:
    """
    Attributes:
        amount (str):
        id (UUID):
        issued_on (datetime.date):
        kind (InvoiceKind): An invoice the tenant issued (income) or received (expenditure).
        number (str):
        tax_amount (str):
        total (str):
    """

    amount: str
    id: UUID
    issued_on: datetime.date
    kind: InvoiceKind
    number: str
    tax_amount: str
    total: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        id = str(self.id)

        issued_on = self.issued_on.isoformat()

        kind: str = self.kind

        number = self.number

        tax_amount = self.tax_amount

        total = self.total

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "id": id,
                "issued_on": issued_on,
                "kind": kind,
                "number": number,
                "tax_amount": tax_amount,
                "total": total,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        id = UUID(d.pop("id"))

        issued_on = datetime.date.fromisoformat(d.pop("issued_on"))

        kind = check_invoice_kind(d.pop("kind"))

        number = d.pop("number")

        tax_amount = d.pop("tax_amount")

        total = d.pop("total")

        invoice_view = cls(
            amount=amount,
            id=id,
            issued_on=issued_on,
            kind=kind,
            number=number,
            tax_amount=tax_amount,
            total=total,
        )

        invoice_view.additional_properties = d
        return invoice_view

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
