from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.module_name import ModuleName, check_module_name
from ..models.role import Role, check_role
from ..types import UNSET, Unset

T = TypeVar("T", bound="MemberUpdate")


@_attrs_define
class MemberUpdate:
    """
    Attributes:
        module_grants (list[ModuleName] | Unset):
        role (Role | Unset): Tenant roles, strongest first.
    """

    module_grants: list[ModuleName] | Unset = UNSET
    role: Role | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        module_grants: list[str] | Unset
        if isinstance(self.module_grants, Unset):
            module_grants = UNSET
        else:
            module_grants = []
            for module_grants_type_0_item_data in self.module_grants:
                module_grants_type_0_item: str = module_grants_type_0_item_data
                module_grants.append(module_grants_type_0_item)

        role: str | Unset = UNSET
        if not isinstance(self.role, Unset):
            role = self.role

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if module_grants is not UNSET:
            field_dict["module_grants"] = module_grants
        if role is not UNSET:
            field_dict["role"] = role

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_module_grants(data: object) -> list[ModuleName] | Unset:
            if isinstance(data, Unset):
                return data
            if not isinstance(data, list):
                raise TypeError()
            module_grants_type_0 = []
            _module_grants_type_0 = data
            for module_grants_type_0_item_data in _module_grants_type_0:
                module_grants_type_0_item = check_module_name(module_grants_type_0_item_data)

                module_grants_type_0.append(module_grants_type_0_item)

            return module_grants_type_0

        module_grants = _parse_module_grants(d.pop("module_grants", UNSET))

        _role = d.pop("role", UNSET)
        role: Role | Unset
        if isinstance(_role, Unset):
            role = UNSET
        else:
            role = check_role(_role)

        member_update = cls(
            module_grants=module_grants,
            role=role,
        )

        member_update.additional_properties = d
        return member_update

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
