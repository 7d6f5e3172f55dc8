from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.locale import Locale, check_locale
from ..models.module_name import ModuleName, check_module_name
from ..types import UNSET, Unset

T = TypeVar("T", bound="TenantCreate")


@_attrs_define
class TenantCreate:
    """
    Attributes:
        name (str):
        slug (str):
        currency (str | Unset):  Default: 'CNY'.
        locale (Locale | Unset): A supported UI language.
        modules (list[ModuleName] | Unset):
        sandbox (bool | Unset):  Default: False.
        time_zone (str | Unset):  Default: 'Asia/Shanghai'.
    """

    name: str
    slug: str
    currency: str | Unset = "CNY"
    locale: Locale | Unset = UNSET
    modules: list[ModuleName] | Unset = UNSET
    sandbox: bool | Unset = False
    time_zone: str | Unset = "Asia/Shanghai"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        slug = self.slug

        currency = self.currency

        locale: str | Unset = UNSET
        if not isinstance(self.locale, Unset):
            locale = self.locale

        modules: list[str] | Unset = UNSET
        if not isinstance(self.modules, Unset):
            modules = []
            for modules_item_data in self.modules:
                modules_item: str = modules_item_data
                modules.append(modules_item)

        sandbox = self.sandbox

        time_zone = self.time_zone

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "slug": slug,
            }
        )
        if currency is not UNSET:
            field_dict["currency"] = currency
        if locale is not UNSET:
            field_dict["locale"] = locale
        if modules is not UNSET:
            field_dict["modules"] = modules
        if sandbox is not UNSET:
            field_dict["sandbox"] = sandbox
        if time_zone is not UNSET:
            field_dict["time_zone"] = time_zone

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        slug = d.pop("slug")

        currency = d.pop("currency", UNSET)

        _locale = d.pop("locale", UNSET)
        locale: Locale | Unset
        if isinstance(_locale, Unset):
            locale = UNSET
        else:
            locale = check_locale(_locale)

        _modules = d.pop("modules", UNSET)
        modules: list[ModuleName] | Unset = UNSET
        if _modules is not UNSET:
            modules = []
            for modules_item_data in _modules:
                modules_item = check_module_name(modules_item_data)

                modules.append(modules_item)

        sandbox = d.pop("sandbox", UNSET)

        time_zone = d.pop("time_zone", UNSET)

        tenant_create = cls(
            name=name,
            slug=slug,
            currency=currency,
            locale=locale,
            modules=modules,
            sandbox=sandbox,
            time_zone=time_zone,
        )

        tenant_create.additional_properties = d
        return tenant_create

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
