from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ProvisionRequest")


@_attrs_define
class ProvisionRequest:
    """
    Attributes:
        blueprint (str): A blueprint file in `tenants/`, without `.toml` (e.g. `demo-sandbox`).
        name (str):
        owner_email (str):
        plan (str):
        slug (str):
        seats (int | Unset):  Default: 1.
        trial (bool | Unset):  Default: True.
    """

    blueprint: str
    name: str
    owner_email: str
    plan: str
    slug: str
    seats: int | Unset = 1
    trial: bool | Unset = True
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        blueprint = self.blueprint

        name = self.name

        owner_email = self.owner_email

        plan = self.plan

        slug = self.slug

        seats = self.seats

        trial = self.trial

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "blueprint": blueprint,
                "name": name,
                "owner_email": owner_email,
                "plan": plan,
                "slug": slug,
            }
        )
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

        owner_email = d.pop("owner_email")

        plan = d.pop("plan")

        slug = d.pop("slug")

        seats = d.pop("seats", UNSET)

        trial = d.pop("trial", UNSET)

        provision_request = cls(
            blueprint=blueprint,
            name=name,
            owner_email=owner_email,
            plan=plan,
            slug=slug,
            seats=seats,
            trial=trial,
        )

        provision_request.additional_properties = d
        return provision_request

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
