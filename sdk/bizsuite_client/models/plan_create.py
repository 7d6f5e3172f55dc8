from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.module_name import ModuleName, check_module_name
from ..types import UNSET, Unset

T = TypeVar("T", bound="PlanCreate")


@_attrs_define
class PlanCreate:
    """
    Attributes:
        code (str):
        modules (list[ModuleName]):
        name (str):
        price_month (str): Per seat, a decimal string, at most 2 decimals.
        price_year (str): Per seat, a decimal string, at most 2 decimals.
        currency (str | Unset): ISO 4217 code, e.g. `CNY`. Default: 'CNY'.
        max_accounts (int | None | Unset): Empty (null) is unlimited.
        max_api_calls_month (int | None | Unset): Empty (null) is unlimited.
        max_storage_mb (int | None | Unset): Empty (null) is unlimited.
        max_venues (int | None | Unset): Empty (null) is unlimited.
        seats (int | None | Unset): Empty (null) is unlimited.
        trial_days (int | Unset):  Default: 0.
        wholesale_price_month (None | str | Unset): Per seat, a decimal string, at most 2 decimals.
    """

    code: str
    modules: list[ModuleName]
    name: str
    price_month: str
    price_year: str
    currency: str | Unset = "CNY"
    max_accounts: int | None | Unset = UNSET
    max_api_calls_month: int | None | Unset = UNSET
    max_storage_mb: int | None | Unset = UNSET
    max_venues: int | None | Unset = UNSET
    seats: int | None | Unset = UNSET
    trial_days: int | Unset = 0
    wholesale_price_month: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        modules = []
        for modules_item_data in self.modules:
            modules_item: str = modules_item_data
            modules.append(modules_item)

        name = self.name

        price_month = self.price_month

        price_year = self.price_year

        currency = self.currency

        max_accounts: int | None | Unset
        if isinstance(self.max_accounts, Unset):
            max_accounts = UNSET
        else:
            max_accounts = self.max_accounts

        max_api_calls_month: int | None | Unset
        if isinstance(self.max_api_calls_month, Unset):
            max_api_calls_month = UNSET
        else:
            max_api_calls_month = self.max_api_calls_month

        max_storage_mb: int | None | Unset
        if isinstance(self.max_storage_mb, Unset):
            max_storage_mb = UNSET
        else:
            max_storage_mb = self.max_storage_mb

        max_venues: int | None | Unset
        if isinstance(self.max_venues, Unset):
            max_venues = UNSET
        else:
            max_venues = self.max_venues

        seats: int | None | Unset
        if isinstance(self.seats, Unset):
            seats = UNSET
        else:
            seats = self.seats

        trial_days = self.trial_days

        wholesale_price_month: None | str | Unset
        if isinstance(self.wholesale_price_month, Unset):
            wholesale_price_month = UNSET
        else:
            wholesale_price_month = self.wholesale_price_month

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "modules": modules,
                "name": name,
                "price_month": price_month,
                "price_year": price_year,
            }
        )
        if currency is not UNSET:
            field_dict["currency"] = currency
        if max_accounts is not UNSET:
            field_dict["max_accounts"] = max_accounts
        if max_api_calls_month is not UNSET:
            field_dict["max_api_calls_month"] = max_api_calls_month
        if max_storage_mb is not UNSET:
            field_dict["max_storage_mb"] = max_storage_mb
        if max_venues is not UNSET:
            field_dict["max_venues"] = max_venues
        if seats is not UNSET:
            field_dict["seats"] = seats
        if trial_days is not UNSET:
            field_dict["trial_days"] = trial_days
        if wholesale_price_month is not UNSET:
            field_dict["wholesale_price_month"] = wholesale_price_month

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        modules = []
        _modules = d.pop("modules")
        for modules_item_data in _modules:
            modules_item = check_module_name(modules_item_data)

            modules.append(modules_item)

        name = d.pop("name")

        price_month = d.pop("price_month")

        price_year = d.pop("price_year")

        currency = d.pop("currency", UNSET)

        def _parse_max_accounts(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_accounts = _parse_max_accounts(d.pop("max_accounts", UNSET))

        def _parse_max_api_calls_month(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_api_calls_month = _parse_max_api_calls_month(d.pop("max_api_calls_month", UNSET))

        def _parse_max_storage_mb(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_storage_mb = _parse_max_storage_mb(d.pop("max_storage_mb", UNSET))

        def _parse_max_venues(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_venues = _parse_max_venues(d.pop("max_venues", UNSET))

        def _parse_seats(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        seats = _parse_seats(d.pop("seats", UNSET))

        trial_days = d.pop("trial_days", UNSET)

        def _parse_wholesale_price_month(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        wholesale_price_month = _parse_wholesale_price_month(d.pop("wholesale_price_month", UNSET))

        plan_create = cls(
            code=code,
            modules=modules,
            name=name,
            price_month=price_month,
            price_year=price_year,
            currency=currency,
            max_accounts=max_accounts,
            max_api_calls_month=max_api_calls_month,
            max_storage_mb=max_storage_mb,
            max_venues=max_venues,
            seats=seats,
            trial_days=trial_days,
            wholesale_price_month=wholesale_price_month,
        )

        plan_create.additional_properties = d
        return plan_create

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
