from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ResellerCreate")


@_attrs_define
class ResellerCreate:
    """
    Attributes:
        name (str):
        slug (str):
        max_tenants (int | None | Unset):
    """

    name: str
    slug: str
    max_tenants: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        slug = self.slug

        max_tenants: int | None | Unset
        if isinstance(self.max_tenants, Unset):
            max_tenants = UNSET
        else:
            max_tenants = self.max_tenants

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "slug": slug,
            }
        )
        if max_tenants is not UNSET:
            field_dict["max_tenants"] = max_tenants

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        slug = d.pop("slug")

        def _parse_max_tenants(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_tenants = _parse_max_tenants(d.pop("max_tenants", UNSET))

        reseller_create = cls(
            name=name,
            slug=slug,
            max_tenants=max_tenants,
        )

        reseller_create.additional_properties = d
        return reseller_create

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
