from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PlanOut")


@_attrs_define
class PlanOut:
    """
    Attributes:
        code (str):
        created_at (datetime.datetime):
        currency (str):
        id (UUID):
        max_accounts (int | None):
        max_api_calls_month (int | None):
        max_storage_mb (int | None):
        max_venues (int | None):
        modules (list[str]):
        name (str):
        price_month (str):
        price_year (str):
        seats (int | None):
        superseded_at (datetime.datetime | None):
        trial_days (int):
        version (int):
        wholesale_price_month (None | str):
    """

    code: str
    created_at: datetime.datetime
    currency: str
    id: UUID
    max_accounts: int | None
    max_api_calls_month: int | None
    max_storage_mb: int | None
    max_venues: int | None
    modules: list[str]
    name: str
    price_month: str
    price_year: str
    seats: int | None
    superseded_at: datetime.datetime | None
    trial_days: int
    version: int
    wholesale_price_month: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        created_at = self.created_at.isoformat()

        currency = self.currency

        id = str(self.id)

        max_accounts: int | None
        max_accounts = self.max_accounts

        max_api_calls_month: int | None
        max_api_calls_month = self.max_api_calls_month

        max_storage_mb: int | None
        max_storage_mb = self.max_storage_mb

        max_venues: int | None
        max_venues = self.max_venues

        modules = self.modules

        name = self.name

        price_month = self.price_month

        price_year = self.price_year

        seats: int | None
        seats = self.seats

        superseded_at: None | str
        if isinstance(self.superseded_at, datetime.datetime):
            superseded_at = self.superseded_at.isoformat()
        else:
            superseded_at = self.superseded_at

        trial_days = self.trial_days

        version = self.version

        wholesale_price_month: None | str
        wholesale_price_month = self.wholesale_price_month

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "created_at": created_at,
                "currency": currency,
                "id": id,
                "max_accounts": max_accounts,
                "max_api_calls_month": max_api_calls_month,
                "max_storage_mb": max_storage_mb,
                "max_venues": max_venues,
                "modules": modules,
                "name": name,
                "price_month": price_month,
                "price_year": price_year,
                "seats": seats,
                "superseded_at": superseded_at,
                "trial_days": trial_days,
                "version": version,
                "wholesale_price_month": wholesale_price_month,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        currency = d.pop("currency")

        id = UUID(d.pop("id"))

        def _parse_max_accounts(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        max_accounts = _parse_max_accounts(d.pop("max_accounts"))

        def _parse_max_api_calls_month(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        max_api_calls_month = _parse_max_api_calls_month(d.pop("max_api_calls_month"))

        def _parse_max_storage_mb(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        max_storage_mb = _parse_max_storage_mb(d.pop("max_storage_mb"))

        def _parse_max_venues(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        max_venues = _parse_max_venues(d.pop("max_venues"))

        modules = cast(list[str], d.pop("modules"))

        name = d.pop("name")

        price_month = d.pop("price_month")

        price_year = d.pop("price_year")

        def _parse_seats(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        seats = _parse_seats(d.pop("seats"))

        def _parse_superseded_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                superseded_at_type_0 = datetime.datetime.fromisoformat(data)

                return superseded_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        superseded_at = _parse_superseded_at(d.pop("superseded_at"))

        trial_days = d.pop("trial_days")

        version = d.pop("version")

        def _parse_wholesale_price_month(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        wholesale_price_month = _parse_wholesale_price_month(d.pop("wholesale_price_month"))

        plan_out = cls(
            code=code,
            created_at=created_at,
            currency=currency,
            id=id,
            max_accounts=max_accounts,
            max_api_calls_month=max_api_calls_month,
            max_storage_mb=max_storage_mb,
            max_venues=max_venues,
            modules=modules,
            name=name,
            price_month=price_month,
            price_year=price_year,
            seats=seats,
            superseded_at=superseded_at,
            trial_days=trial_days,
            version=version,
            wholesale_price_month=wholesale_price_month,
        )

        plan_out.additional_properties = d
        return plan_out

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
