from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.locale import Locale, check_locale
from ..models.module_name import ModuleName, check_module_name
from ..types import UNSET, Unset

T = TypeVar("T", bound="TenantUpdate")


@_attrs_define
class TenantUpdate:
    """
    Attributes:
        currency (str | Unset):
        locale (Locale | Unset): A supported UI language.
        modules (list[ModuleName] | Unset):
        name (str | Unset):
        time_zone (str | Unset):
    """

    currency: str | Unset = UNSET
    locale: Locale | Unset = UNSET
    modules: list[ModuleName] | Unset = UNSET
    name: str | Unset = UNSET
    time_zone: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        currency: str | Unset
        if isinstance(self.currency, Unset):
            currency = UNSET
        else:
            currency = self.currency

        locale: str | Unset = UNSET
        if not isinstance(self.locale, Unset):
            locale = self.locale

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

        time_zone: str | Unset
        if isinstance(self.time_zone, Unset):
            time_zone = UNSET
        else:
            time_zone = self.time_zone

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if currency is not UNSET:
            field_dict["currency"] = currency
        if locale is not UNSET:
            field_dict["locale"] = locale
        if modules is not UNSET:
            field_dict["modules"] = modules
        if name is not UNSET:
            field_dict["name"] = name
        if time_zone is not UNSET:
            field_dict["time_zone"] = time_zone

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_currency(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        currency = _parse_currency(d.pop("currency", UNSET))

        _locale = d.pop("locale", UNSET)
        locale: Locale | Unset
        if isinstance(_locale, Unset):
            locale = UNSET
        else:
            locale = check_locale(_locale)

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

        def _parse_time_zone(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        time_zone = _parse_time_zone(d.pop("time_zone", UNSET))

        tenant_update = cls(
            currency=currency,
            locale=locale,
            modules=modules,
            name=name,
            time_zone=time_zone,
        )

        tenant_update.additional_properties = d
        return tenant_update

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
