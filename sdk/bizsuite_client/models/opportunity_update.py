from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="OpportunityUpdate")


@_attrs_define
class OpportunityUpdate:
    """
    Attributes:
        account_id (Unset | UUID):
        amount (str | Unset): A decimal string with at most 2 decimals.
        currency (str | Unset): ISO 4217 code, e.g. `CNY`.
        expected_close (datetime.date | None | Unset):
        name (str | Unset):
        owner_user_id (None | Unset | UUID):
    """

    account_id: Unset | UUID = UNSET
    amount: str | Unset = UNSET
    currency: str | Unset = UNSET
    expected_close: datetime.date | None | Unset = UNSET
    name: str | Unset = UNSET
    owner_user_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        account_id: str | Unset
        if isinstance(self.account_id, Unset):
            account_id = UNSET
        else:
            account_id = str(self.account_id)

        amount: str | Unset
        if isinstance(self.amount, Unset):
            amount = UNSET
        else:
            amount = self.amount

        currency: str | Unset
        if isinstance(self.currency, Unset):
            currency = UNSET
        else:
            currency = self.currency

        expected_close: None | str | Unset
        if isinstance(self.expected_close, Unset):
            expected_close = UNSET
        elif isinstance(self.expected_close, datetime.date):
            expected_close = self.expected_close.isoformat()
        else:
            expected_close = self.expected_close

        name: str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        owner_user_id: None | str | Unset
        if isinstance(self.owner_user_id, Unset):
            owner_user_id = UNSET
        elif isinstance(self.owner_user_id, UUID):
            owner_user_id = str(self.owner_user_id)
        else:
            owner_user_id = self.owner_user_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if account_id is not UNSET:
            field_dict["account_id"] = account_id
        if amount is not UNSET:
            field_dict["amount"] = amount
        if currency is not UNSET:
            field_dict["currency"] = currency
        if expected_close is not UNSET:
            field_dict["expected_close"] = expected_close
        if name is not UNSET:
            field_dict["name"] = name
        if owner_user_id is not UNSET:
            field_dict["owner_user_id"] = owner_user_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_account_id(data: object) -> Unset | UUID:
            if isinstance(data, Unset):
                return data
            if not isinstance(data, str):
                raise TypeError()
            account_id_type_0 = UUID(data)

            return account_id_type_0

        account_id = _parse_account_id(d.pop("account_id", UNSET))

        def _parse_amount(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        amount = _parse_amount(d.pop("amount", UNSET))

        def _parse_currency(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        currency = _parse_currency(d.pop("currency", UNSET))

        def _parse_expected_close(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expected_close_type_0 = datetime.date.fromisoformat(data)

                return expected_close_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        expected_close = _parse_expected_close(d.pop("expected_close", UNSET))

        def _parse_name(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_owner_user_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                owner_user_id_type_0 = UUID(data)

                return owner_user_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        owner_user_id = _parse_owner_user_id(d.pop("owner_user_id", UNSET))

        opportunity_update = cls(
            account_id=account_id,
            amount=amount,
            currency=currency,
            expected_close=expected_close,
            name=name,
            owner_user_id=owner_user_id,
        )

        opportunity_update.additional_properties = d
        return opportunity_update

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
