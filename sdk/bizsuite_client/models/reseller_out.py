from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.reseller_status import ResellerStatus, check_reseller_status

T = TypeVar("T", bound="ResellerOut")


@_attrs_define
class ResellerOut:
    """
    Attributes:
        created_at (datetime.datetime):
        id (UUID):
        max_tenants (int | None):
        name (str):
        slug (str):
        status (ResellerStatus): Whether the reseller's keys work.
        tenants (int):
        version (int):
    """

    created_at: datetime.datetime
    id: UUID
    max_tenants: int | None
    name: str
    slug: str
    status: ResellerStatus
    tenants: int
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        id = str(self.id)

        max_tenants: int | None
        max_tenants = self.max_tenants

        name = self.name

        slug = self.slug

        status: str = self.status

        tenants = self.tenants

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "id": id,
                "max_tenants": max_tenants,
                "name": name,
                "slug": slug,
                "status": status,
                "tenants": tenants,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = UUID(d.pop("id"))

        def _parse_max_tenants(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        max_tenants = _parse_max_tenants(d.pop("max_tenants"))

        name = d.pop("name")

        slug = d.pop("slug")

        status = check_reseller_status(d.pop("status"))

        tenants = d.pop("tenants")

        version = d.pop("version")

        reseller_out = cls(
            created_at=created_at,
            id=id,
            max_tenants=max_tenants,
            name=name,
            slug=slug,
            status=status,
            tenants=tenants,
            version=version,
        )

        reseller_out.additional_properties = d
        return reseller_out

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
