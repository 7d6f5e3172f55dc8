from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TenantProvision")


@_attrs_define
class TenantProvision:
    """
    Attributes:
        blueprint (str): A blueprint file in `tenants/`, without `.toml` (e.g. `demo-sandbox`).
        name (str):
        slug (str):
        api_key (bool | Unset):  Default: False.
        owner_email (None | str | Unset):
        plan (None | str | Unset):
        seats (int | Unset):  Default: 1.
        trial (bool | Unset):  Default: True.
    """

    blueprint: str
    name: str
    slug: str
    api_key: bool | Unset = False
    owner_email: None | str | Unset = UNSET
    plan: None | str | Unset = UNSET
    seats: int | Unset = 1
    trial: bool | Unset = True
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        blueprint = self.blueprint

        name = self.name

        slug = self.slug

        api_key = self.api_key

        owner_email: None | str | Unset
        if isinstance(self.owner_email, Unset):
            owner_email = UNSET
        else:
            owner_email = self.owner_email

        plan: None | str | Unset
        if isinstance(self.plan, Unset):
            plan = UNSET
        else:
            plan = self.plan

        seats = self.seats

        trial = self.trial

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "blueprint": blueprint,
                "name": name,
                "slug": slug,
            }
        )
        if api_key is not UNSET:
            field_dict["api_key"] = api_key
        if owner_email is not UNSET:
            field_dict["owner_email"] = owner_email
        if plan is not UNSET:
            field_dict["plan"] = plan
        if seats is not UNSET:
            field_dict["seats"] = seats
        if trial is not UNSET:
            field_dict["trial"] = trial

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        blueprint = d.pop("blueprint")

        name = d.pop("name")

        slug = d.pop("slug")

        api_key = d.pop("api_key", UNSET)

        def _parse_owner_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        owner_email = _parse_owner_email(d.pop("owner_email", UNSET))

        def _parse_plan(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        plan = _parse_plan(d.pop("plan", UNSET))

        seats = d.pop("seats", UNSET)

        trial = d.pop("trial", UNSET)

        tenant_provision = cls(
            blueprint=blueprint,
            name=name,
            slug=slug,
            api_key=api_key,
            owner_email=owner_email,
            plan=plan,
            seats=seats,
            trial=trial,
        )

        tenant_provision.additional_properties = d
        return tenant_provision

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
