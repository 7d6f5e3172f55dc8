from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ExpiringContract")


@_attrs_define
class ExpiringContract:
    """
    Attributes:
        amount (str):
        contract_id (UUID):
        currency (str):
        days_left (int):
        ends_on (datetime.date):
        number (str):
        party_name (str):
        title (str):
    """

    amount: str
    contract_id: UUID
    currency: str
    days_left: int
    ends_on: datetime.date
    number: str
    party_name: str
    title: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        contract_id = str(self.contract_id)

        currency = self.currency

        days_left = self.days_left

        ends_on = self.ends_on.isoformat()

        number = self.number

        party_name = self.party_name

        title = self.title

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "contract_id": contract_id,
                "currency": currency,
                "days_left": days_left,
                "ends_on": ends_on,
                "number": number,
                "party_name": party_name,
                "title": title,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        contract_id = UUID(d.pop("contract_id"))

        currency = d.pop("currency")

        days_left = d.pop("days_left")

        ends_on = datetime.date.fromisoformat(d.pop("ends_on"))

        number = d.pop("number")

        party_name = d.pop("party_name")

        title = d.pop("title")

        expiring_contract = cls(
            amount=amount,
            contract_id=contract_id,
            currency=currency,
            days_left=days_left,
            ends_on=ends_on,
            number=number,
            party_name=party_name,
            title=title,
        )

        expiring_contract.additional_properties = d
        return expiring_contract

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
