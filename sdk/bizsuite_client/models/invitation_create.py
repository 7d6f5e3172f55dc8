from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.module_name import ModuleName, check_module_name
from ..models.role import Role, check_role
from ..types import UNSET, Unset

T = TypeVar("T", bound="InvitationCreate")


@_attrs_define
class InvitationCreate:
    """
    Attributes:
        email (str):
        expires_in_days (int | Unset):  Default: 7.
        module_grants (list[ModuleName] | Unset):
        role (Role | Unset): Tenant roles, strongest first.
    """

    email: str
    expires_in_days: int | Unset = 7
    module_grants: list[ModuleName] | Unset = UNSET
    role: Role | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        email = self.email

        expires_in_days = self.expires_in_days

        module_grants: list[str] | Unset = UNSET
        if not isinstance(self.module_grants, Unset):
            module_grants = []
            for module_grants_item_data in self.module_grants:
                module_grants_item: str = module_grants_item_data
                module_grants.append(module_grants_item)

        role: str | Unset = UNSET
        if not isinstance(self.role, Unset):
            role = self.role

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "email": email,
            }
        )
        if expires_in_days is not UNSET:
            field_dict["expires_in_days"] = expires_in_days
        if module_grants is not UNSET:
            field_dict["module_grants"] = module_grants
        if role is not UNSET:
            field_dict["role"] = role

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        email = d.pop("email")

        expires_in_days = d.pop("expires_in_days", UNSET)

        _module_grants = d.pop("module_grants", UNSET)
        module_grants: list[ModuleName] | Unset = UNSET
        if _module_grants is not UNSET:
            module_grants = []
            for module_grants_item_data in _module_grants:
                module_grants_item = check_module_name(module_grants_item_data)

                module_grants.append(module_grants_item)

        _role = d.pop("role", UNSET)
        role: Role | Unset
        if isinstance(_role, Unset):
            role = UNSET
        else:
            role = check_role(_role)

        invitation_create = cls(
            email=email,
            expires_in_days=expires_in_days,
            module_grants=module_grants,
            role=role,
        )

        invitation_create.additional_properties = d
        return invitation_create

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
