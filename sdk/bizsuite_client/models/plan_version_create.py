from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.module_name import ModuleName, check_module_name
from ..types import UNSET, Unset

T = TypeVar("T", bound="PlanVersionCreate")


@_attrs_define
class PlanVersionCreate:
    """
    Attributes:
        max_accounts (int | None | Unset): Empty (null) is unlimited.
        max_api_calls_month (int | None | Unset): Empty (null) is unlimited.
        max_storage_mb (int | None | Unset): Empty (null) is unlimited.
        max_venues (int | None | Unset): Empty (null) is unlimited.
        modules (list[ModuleName] | Unset):
        name (str | Unset):
        price_month (str | Unset): Per seat, a decimal string, at most 2 decimals.
        price_year (str | Unset): Per seat, a decimal string, at most 2 decimals.
        seats (int | None | Unset): Empty (null) is unlimited.
        trial_days (int | Unset):
        wholesale_price_month (None | str | Unset): Per seat, a decimal string, at most 2 decimals.
    """

    max_accounts: int | None | Unset = UNSET
    max_api_calls_month: int | None | Unset = UNSET
    max_storage_mb: int | None | Unset = UNSET
    max_venues: int | None | Unset = UNSET
    modules: list[ModuleName] | Unset = UNSET
    name: str | Unset = UNSET
    price_month: str | Unset = UNSET
    price_year: str | Unset = UNSET
    seats: int | None | Unset = UNSET
    trial_days: int | Unset = UNSET
    wholesale_price_month: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
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

        modules: list[str] | Unset
        if isinstance(self.modules, Unset):
            modules = UNSET
        else:
            modules = []
            for modules_type_0_item_data in self.modules:
                modules_type_0_item: str = modules_type_0_item_data
                modules.append(modules_type_0_item)

        name: str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        price_month: str | Unset
        if isinstance(self.price_month, Unset):
            price_month = UNSET
        else:
            price_month = self.price_month

        price_year: str | Unset
        if isinstance(self.price_year, Unset):
            price_year = UNSET
        else:
            price_year = self.price_year

        seats: int | None | Unset
        if isinstance(self.seats, Unset):
            seats = UNSET
        else:
            seats = self.seats

        trial_days: int | Unset
        if isinstance(self.trial_days, Unset):
            trial_days = UNSET
        else:
            trial_days = self.trial_days

        wholesale_price_month: None | str | Unset
        if isinstance(self.wholesale_price_month, Unset):
            wholesale_price_month = UNSET
        else:
            wholesale_price_month = self.wholesale_price_month

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if max_accounts is not UNSET:
            field_dict["max_accounts"] = max_accounts
        if max_api_calls_month is not UNSET:
            field_dict["max_api_calls_month"] = max_api_calls_month
        if max_storage_mb is not UNSET:
            field_dict["max_storage_mb"] = max_storage_mb
        if max_venues is not UNSET:
            field_dict["max_venues"] = max_venues
        if modules is not UNSET:
            field_dict["modules"] = modules
        if name is not UNSET:
            field_dict["name"] = name
        if price_month is not UNSET:
            field_dict["price_month"] = price_month
        if price_year is not UNSET:
            field_dict["price_year"] = price_year
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

        def _parse_modules(data: object) -> list[ModuleName] | Unset:
            if isinstance(data, Unset):
                return data
            if not isinstance(data, list):
                raise TypeError()
            modules_type_0 = []
            _modules_type_0 = data
            for modules_type_0_item_data in _modules_type_0:
                modules_type_0_item = check_module_name(modules_type_0_item_data)

                modules_type_0.append(modules_type_0_item)

            return modules_type_0

        modules = _parse_modules(d.pop("modules", UNSET))

        def _parse_name(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_price_month(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        price_month = _parse_price_month(d.pop("price_month", UNSET))

        def _parse_price_year(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        price_year = _parse_price_year(d.pop("price_year", UNSET))

        def _parse_seats(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        seats = _parse_seats(d.pop("seats", UNSET))

        def _parse_trial_days(data: object) -> int | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | Unset, data)

        trial_days = _parse_trial_days(d.pop("trial_days", UNSET))

        def _parse_wholesale_price_month(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        wholesale_price_month = _parse_wholesale_price_month(d.pop("wholesale_price_month", UNSET))

        plan_version_create = cls(
            max_accounts=max_accounts,
            max_api_calls_month=max_api_calls_month,
            max_storage_mb=max_storage_mb,
            max_venues=max_venues,
            modules=modules,
            name=name,
            price_month=price_month,
            price_year=price_year,
            seats=seats,
            trial_days=trial_days,
            wholesale_price_month=wholesale_price_month,
        )

        plan_version_create.additional_properties = d
        return plan_version_create

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
