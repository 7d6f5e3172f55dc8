from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.module_name import ModuleName, check_module_name
from ..models.role import Role, check_role
from ..types import UNSET, Unset

T = TypeVar("T", bound="MemberOut")


@_attrs_define
class MemberOut:
    """
    Attributes:
        created_at (datetime.datetime):
        email (str):
        id (UUID):
        module_grants (list[ModuleName]):
        name (str):
        role (Role): Tenant roles, strongest first.
        user_id (UUID):
        version (int):
        sign_in_locked_until (datetime.datetime | None | Unset):
    """

    created_at: datetime.datetime
    email: str
    id: UUID
    module_grants: list[ModuleName]
    name: str
    role: Role
    user_id: UUID
    version: int
    sign_in_locked_until: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        email = self.email

        id = str(self.id)

        module_grants = []
        for module_grants_item_data in self.module_grants:
            module_grants_item: str = module_grants_item_data
            module_grants.append(module_grants_item)

        name = self.name

        role: str = self.role

        user_id = str(self.user_id)

        version = self.version

        sign_in_locked_until: None | str | Unset
        if isinstance(self.sign_in_locked_until, Unset):
            sign_in_locked_until = UNSET
        elif isinstance(self.sign_in_locked_until, datetime.datetime):
            sign_in_locked_until = self.sign_in_locked_until.isoformat()
        else:
            sign_in_locked_until = self.sign_in_locked_until

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "email": email,
                "id": id,
                "module_grants": module_grants,
                "name": name,
                "role": role,
                "user_id": user_id,
                "version": version,
            }
        )
        if sign_in_locked_until is not UNSET:
            field_dict["sign_in_locked_until"] = sign_in_locked_until

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        email = d.pop("email")

        id = UUID(d.pop("id"))

        module_grants = []
        _module_grants = d.pop("module_grants")
        for module_grants_item_data in _module_grants:
            module_grants_item = check_module_name(module_grants_item_data)

            module_grants.append(module_grants_item)

        name = d.pop("name")

        role = check_role(d.pop("role"))

        user_id = UUID(d.pop("user_id"))

        version = d.pop("version")

        def _parse_sign_in_locked_until(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sign_in_locked_until_type_0 = datetime.datetime.fromisoformat(data)

                return sign_in_locked_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        sign_in_locked_until = _parse_sign_in_locked_until(d.pop("sign_in_locked_until", UNSET))

        member_out = cls(
            created_at=created_at,
            email=email,
            id=id,
            module_grants=module_grants,
            name=name,
            role=role,
            user_id=user_id,
            version=version,
            sign_in_locked_until=sign_in_locked_until,
        )

        member_out.additional_properties = d
        return member_out

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
