from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.locale import Locale, check_locale
from ..models.module_name import ModuleName, check_module_name
from ..models.tenant_status import TenantStatus, check_tenant_status

T = TypeVar("T", bound="TenantOut")


@_attrs_define
class TenantOut:
    """
    Attributes:
        created_at (datetime.datetime):
        currency (str):
        id (UUID):
        locale (Locale): A supported UI language.
        modules (list[ModuleName]):
        name (str):
        sandbox (bool):
        slug (str):
        status (TenantStatus): Lifecycle of a tenant.
        suspended_at (datetime.datetime | None):
        time_zone (str):
        updated_at (datetime.datetime):
        version (int):
    """

    created_at: datetime.datetime
    currency: str
    id: UUID
    locale: Locale
    modules: list[ModuleName]
    name: str
    sandbox: bool
    slug: str
    status: TenantStatus
    suspended_at: datetime.datetime | None
    time_zone: str
    updated_at: datetime.datetime
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        currency = self.currency

        id = str(self.id)

        locale: str = self.locale

        modules = []
        for modules_item_data in self.modules:
            modules_item: str = modules_item_data
            modules.append(modules_item)

        name = self.name

        sandbox = self.sandbox

        slug = self.slug

        status: str = self.status

        suspended_at: None | str
        if isinstance(self.suspended_at, datetime.datetime):
            suspended_at = self.suspended_at.isoformat()
        else:
            suspended_at = self.suspended_at

        time_zone = self.time_zone

        updated_at = self.updated_at.isoformat()

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "currency": currency,
                "id": id,
                "locale": locale,
                "modules": modules,
                "name": name,
                "sandbox": sandbox,
                "slug": slug,
                "status": status,
                "suspended_at": suspended_at,
                "time_zone": time_zone,
                "updated_at": updated_at,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        currency = d.pop("currency")

        id = UUID(d.pop("id"))

        locale = check_locale(d.pop("locale"))

        modules = []
        _modules = d.pop("modules")
        for modules_item_data in _modules:
            modules_item = check_module_name(modules_item_data)

            modules.append(modules_item)

        name = d.pop("name")

        sandbox = d.pop("sandbox")

        slug = d.pop("slug")

        status = check_tenant_status(d.pop("status"))

        def _parse_suspended_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                suspended_at_type_0 = datetime.datetime.fromisoformat(data)

                return suspended_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        suspended_at = _parse_suspended_at(d.pop("suspended_at"))

        time_zone = d.pop("time_zone")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        tenant_out = cls(
            created_at=created_at,
            currency=currency,
            id=id,
            locale=locale,
            modules=modules,
            name=name,
            sandbox=sandbox,
            slug=slug,
            status=status,
            suspended_at=suspended_at,
            time_zone=time_zone,
            updated_at=updated_at,
            version=version,
        )

        tenant_out.additional_properties = d
        return tenant_out

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
