from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.customs_direction import CustomsDirection, check_customs_direction

T = TypeVar("T", bound="FeeCustomsRecordView")


@_attrs_define
class FeeCustomsRecordView:
    """
    Attributes:
        amount (str):
        created_at (datetime.datetime):
        currency (str):
        declared_on (datetime.date):
        direction (CustomsDirection): Import (进口) or export (出口).
        fee_quarter (int):
        fee_year (int):
        id (UUID):
        org_unit_id (UUID):
        org_unit_name (str):
        reference (None | str):
    """

    amount: str
    created_at: datetime.datetime
    currency: str
    declared_on: datetime.date
    direction: CustomsDirection
    fee_quarter: int
    fee_year: int
    id: UUID
    org_unit_id: UUID
    org_unit_name: str
    reference: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        created_at = self.created_at.isoformat()

        currency = self.currency

        declared_on = self.declared_on.isoformat()

        direction: str = self.direction

        fee_quarter = self.fee_quarter

        fee_year = self.fee_year

        id = str(self.id)

        org_unit_id = str(self.org_unit_id)

        org_unit_name = self.org_unit_name

        reference: None | str
        reference = self.reference

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "created_at": created_at,
                "currency": currency,
                "declared_on": declared_on,
                "direction": direction,
                "fee_quarter": fee_quarter,
                "fee_year": fee_year,
                "id": id,
                "org_unit_id": org_unit_id,
                "org_unit_name": org_unit_name,
                "reference": reference,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        currency = d.pop("currency")

        declared_on = datetime.date.fromisoformat(d.pop("declared_on"))

        direction = check_customs_direction(d.pop("direction"))

        fee_quarter = d.pop("fee_quarter")

        fee_year = d.pop("fee_year")

        id = UUID(d.pop("id"))

        org_unit_id = UUID(d.pop("org_unit_id"))

        org_unit_name = d.pop("org_unit_name")

        def _parse_reference(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reference = _parse_reference(d.pop("reference"))

        fee_customs_record_view = cls(
            amount=amount,
            created_at=created_at,
            currency=currency,
            declared_on=declared_on,
            direction=direction,
            fee_quarter=fee_quarter,
            fee_year=fee_year,
            id=id,
            org_unit_id=org_unit_id,
            org_unit_name=org_unit_name,
            reference=reference,
        )

        fee_customs_record_view.additional_properties = d
        return fee_customs_record_view

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
