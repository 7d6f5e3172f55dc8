from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.addon_kind import AddonKind, check_addon_kind

T = TypeVar("T", bound="AddonOut")


@_attrs_define
class AddonOut:
    """
    Attributes:
        amount (int):
        code (str):
        created_at (datetime.datetime):
        currency (str):
        id (UUID):
        kind (AddonKind): What an add-on raises: a limit of the plan (by ``amount`` per unit bought) or a module.
        module (None | str):
        name (str):
        price_month (str):
        price_year (str):
    """

    amount: int
    code: str
    created_at: datetime.datetime
    currency: str
    id: UUID
    kind: AddonKind
    module: None | str
    name: str
    price_month: str
    price_year: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        code = self.code

        created_at = self.created_at.isoformat()

        currency = self.currency

        id = str(self.id)

        kind: str = self.kind

        module: None | str
        module = self.module

        name = self.name

        price_month = self.price_month

        price_year = self.price_year

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "code": code,
                "created_at": created_at,
                "currency": currency,
                "id": id,
                "kind": kind,
                "module": module,
                "name": name,
                "price_month": price_month,
                "price_year": price_year,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        code = d.pop("code")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        currency = d.pop("currency")

        id = UUID(d.pop("id"))

        kind = check_addon_kind(d.pop("kind"))

        def _parse_module(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        module = _parse_module(d.pop("module"))

        name = d.pop("name")

        price_month = d.pop("price_month")

        price_year = d.pop("price_year")

        addon_out = cls(
            amount=amount,
            code=code,
            created_at=created_at,
            currency=currency,
            id=id,
            kind=kind,
            module=module,
            name=name,
            price_month=price_month,
            price_year=price_year,
        )

        addon_out.additional_properties = d
        return addon_out

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
