from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.addon_kind import AddonKind, check_addon_kind
from ..models.module_name import ModuleName, check_module_name
from ..types import UNSET, Unset

T = TypeVar("T", bound="AddonCreate")


@_attrs_define
class AddonCreate:
    """
    Attributes:
        code (str):
        kind (AddonKind): What an add-on raises: a limit of the plan (by ``amount`` per unit bought) or a module.
        name (str):
        price_month (str): Per seat, a decimal string, at most 2 decimals.
        price_year (str): Per seat, a decimal string, at most 2 decimals.
        amount (int | Unset):  Default: 1.
        currency (str | Unset): ISO 4217 code, e.g. `CNY`. Default: 'CNY'.
        module (ModuleName | None | Unset):
    """

    code: str
    kind: AddonKind
    name: str
    price_month: str
    price_year: str
    amount: int | Unset = 1
    currency: str | Unset = "CNY"
    module: ModuleName | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        kind: str = self.kind

        name = self.name

        price_month = self.price_month

        price_year = self.price_year

        amount = self.amount

        currency = self.currency

        module: None | str | Unset
        if isinstance(self.module, Unset):
            module = UNSET
        elif isinstance(self.module, str):
            module = self.module
        else:
            module = self.module

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "kind": kind,
                "name": name,
                "price_month": price_month,
                "price_year": price_year,
            }
        )
        if amount is not UNSET:
            field_dict["amount"] = amount
        if currency is not UNSET:
            field_dict["currency"] = currency
        if module is not UNSET:
            field_dict["module"] = module

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        kind = check_addon_kind(d.pop("kind"))

        name = d.pop("name")

        price_month = d.pop("price_month")

        price_year = d.pop("price_year")

        amount = d.pop("amount", UNSET)

        currency = d.pop("currency", UNSET)

        def _parse_module(data: object) -> ModuleName | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                module_type_0 = check_module_name(data)

                return module_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ModuleName | None | Unset, data)

        module = _parse_module(d.pop("module", UNSET))

        addon_create = cls(
            code=code,
            kind=kind,
            name=name,
            price_month=price_month,
            price_year=price_year,
            amount=amount,
            currency=currency,
            module=module,
        )

        addon_create.additional_properties = d
        return addon_create

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
