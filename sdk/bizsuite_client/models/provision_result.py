from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.reseller_tenant_out import ResellerTenantOut


T = TypeVar("T", bound="ProvisionResult")


@_attrs_define
class ProvisionResult:
    """
    Attributes:
        created (list[str]):
        invitation_sent_to (str):
        tenant (ResellerTenantOut):
    """

    created: list[str]
    invitation_sent_to: str
    tenant: ResellerTenantOut
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created = self.created

        invitation_sent_to = self.invitation_sent_to

        tenant = self.tenant.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created": created,
                "invitation_sent_to": invitation_sent_to,
                "tenant": tenant,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.reseller_tenant_out import ResellerTenantOut  # noqa: PLC0415

        d = dict(src_dict)
        created = cast(list[str], d.pop("created"))

        invitation_sent_to = d.pop("invitation_sent_to")

        tenant = ResellerTenantOut.from_dict(d.pop("tenant"))

        provision_result = cls(
            created=created,
            invitation_sent_to=invitation_sent_to,
            tenant=tenant,
        )

        provision_result.additional_properties = d
        return provision_result

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
