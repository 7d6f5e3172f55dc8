from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.tenant_choice import TenantChoice


T = TypeVar("T", bound="SessionOut")


@_attrs_define
class SessionOut:
    """
    Attributes:
        csrf_token (str):
        email (str):
        expires_at (datetime.datetime):
        locale (None | str):
        name (str):
        tenant (None | TenantChoice):
        tenants (list[TenantChoice]):
        time_zone (None | str):
        totp_enabled (bool):
        user_id (UUID):
    """

    csrf_token: str
    email: str
    expires_at: datetime.datetime
    locale: None | str
    name: str
    tenant: None | TenantChoice
    tenants: list[TenantChoice]
    time_zone: None | str
    totp_enabled: bool
    user_id: UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.tenant_choice import TenantChoice  # noqa: PLC0415

        csrf_token = self.csrf_token

        email = self.email

        expires_at = self.expires_at.isoformat()

        locale: None | str
        locale = self.locale

        name = self.name

        tenant: dict[str, Any] | None
        if isinstance(self.tenant, TenantChoice):
            tenant = self.tenant.to_dict()
        else:
            tenant = self.tenant

        tenants = []
        for tenants_item_data in self.tenants:
            tenants_item = tenants_item_data.to_dict()
            tenants.append(tenants_item)

        time_zone: None | str
        time_zone = self.time_zone

        totp_enabled = self.totp_enabled

        user_id = str(self.user_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "csrf_token": csrf_token,
                "email": email,
                "expires_at": expires_at,
                "locale": locale,
                "name": name,
                "tenant": tenant,
                "tenants": tenants,
                "time_zone": time_zone,
                "totp_enabled": totp_enabled,
                "user_id": user_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.tenant_choice import TenantChoice  # noqa: PLC0415

        d = dict(src_dict)
        csrf_token = d.pop("csrf_token")

        email = d.pop("email")

        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))

        def _parse_locale(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        locale = _parse_locale(d.pop("locale"))

        name = d.pop("name")

        def _parse_tenant(data: object) -> None | TenantChoice:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                tenant_type_0 = TenantChoice.from_dict(data)

                return tenant_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TenantChoice, data)

        tenant = _parse_tenant(d.pop("tenant"))

        tenants = []
        _tenants = d.pop("tenants")
        for tenants_item_data in _tenants:
            tenants_item = TenantChoice.from_dict(tenants_item_data)

            tenants.append(tenants_item)

        def _parse_time_zone(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        time_zone = _parse_time_zone(d.pop("time_zone"))

        totp_enabled = d.pop("totp_enabled")

        user_id = UUID(d.pop("user_id"))

        session_out = cls(
            csrf_token=csrf_token,
            email=email,
            expires_at=expires_at,
            locale=locale,
            name=name,
            tenant=tenant,
            tenants=tenants,
            time_zone=time_zone,
            totp_enabled=totp_enabled,
            user_id=user_id,
        )

        session_out.additional_properties = d
        return session_out

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
