from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.customs_direction import CustomsDirection, check_customs_direction
from ..types import UNSET, Unset

T = TypeVar("T", bound="FeeCustomsRecordCreate")


@_attrs_define
class FeeCustomsRecordCreate:
    """
    Attributes:
        amount (str): A decimal string, at most 2 decimals.
        declared_on (datetime.date):
        direction (CustomsDirection): Import (进口) or export (出口).
        org_unit_id (UUID):
        currency (str | Unset): ISO 4217 code, e.g. `CNY`. Default: 'USD'.
        reference (None | str | Unset):
    """

    amount: str
    declared_on: datetime.date
    direction: CustomsDirection
    org_unit_id: UUID
    currency: str | Unset = "USD"
    reference: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        declared_on = self.declared_on.isoformat()

        direction: str = self.direction

        org_unit_id = str(self.org_unit_id)

        currency = self.currency

        reference: None | str | Unset
        if isinstance(self.reference, Unset):
            reference = UNSET
        else:
            reference = self.reference

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "declared_on": declared_on,
                "direction": direction,
                "org_unit_id": org_unit_id,
            }
        )
        if currency is not UNSET:
            field_dict["currency"] = currency
        if reference is not UNSET:
            field_dict["reference"] = reference

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        declared_on = datetime.date.fromisoformat(d.pop("declared_on"))

        direction = check_customs_direction(d.pop("direction"))

        org_unit_id = UUID(d.pop("org_unit_id"))

        currency = d.pop("currency", UNSET)

        def _parse_reference(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reference = _parse_reference(d.pop("reference", UNSET))

        fee_customs_record_create = cls(
            amount=amount,
            declared_on=declared_on,
            direction=direction,
            org_unit_id=org_unit_id,
            currency=currency,
            reference=reference,
        )

        fee_customs_record_create.additional_properties = d
        return fee_customs_record_create

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
