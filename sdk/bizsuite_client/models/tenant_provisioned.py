from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.tenant_out import TenantOut


T = TypeVar("T", bound="TenantProvisioned")


@_attrs_define
class TenantProvisioned:
    """
    Attributes:
        api_key (None | str):
        created (list[str]):
        invitation_sent_to (None | str):
        tenant (TenantOut):
    """

    api_key: None | str
    created: list[str]
    invitation_sent_to: None | str
    tenant: TenantOut
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        api_key: None | str
        api_key = self.api_key

        created = self.created

        invitation_sent_to: None | str
        invitation_sent_to = self.invitation_sent_to

        tenant = self.tenant.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "api_key": api_key,
                "created": created,
                "invitation_sent_to": invitation_sent_to,
                "tenant": tenant,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.tenant_out import TenantOut  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_api_key(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        api_key = _parse_api_key(d.pop("api_key"))

        created = cast(list[str], d.pop("created"))

        def _parse_invitation_sent_to(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        invitation_sent_to = _parse_invitation_sent_to(d.pop("invitation_sent_to"))

        tenant = TenantOut.from_dict(d.pop("tenant"))

        tenant_provisioned = cls(
            api_key=api_key,
            created=created,
            invitation_sent_to=invitation_sent_to,
            tenant=tenant,
        )

        tenant_provisioned.additional_properties = d
        return tenant_provisioned

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
