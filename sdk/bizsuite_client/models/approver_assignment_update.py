from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ApproverAssignmentUpdate")


@_attrs_define
class ApproverAssignmentUpdate:
    """
    Attributes:
        approver_role (str | Unset): An approver role such as `store_manager` (lower-case letters, digits, `_`).
        org_unit_id (Unset | UUID):
        user_id (Unset | UUID):
    """

    approver_role: str | Unset = UNSET
    org_unit_id: Unset | UUID = UNSET
    user_id: Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        approver_role: str | Unset
        if isinstance(self.approver_role, Unset):
            approver_role = UNSET
        else:
            approver_role = self.approver_role

        org_unit_id: str | Unset
        if isinstance(self.org_unit_id, Unset):
            org_unit_id = UNSET
        else:
            org_unit_id = str(self.org_unit_id)

        user_id: str | Unset
        if isinstance(self.user_id, Unset):
            user_id = UNSET
        else:
            user_id = str(self.user_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if approver_role is not UNSET:
            field_dict["approver_role"] = approver_role
        if org_unit_id is not UNSET:
            field_dict["org_unit_id"] = org_unit_id
        if user_id is not UNSET:
            field_dict["user_id"] = user_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_approver_role(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        approver_role = _parse_approver_role(d.pop("approver_role", UNSET))

        def _parse_org_unit_id(data: object) -> Unset | UUID:
            if isinstance(data, Unset):
                return data
            if not isinstance(data, str):
                raise TypeError()
            org_unit_id_type_0 = UUID(data)

            return org_unit_id_type_0

        org_unit_id = _parse_org_unit_id(d.pop("org_unit_id", UNSET))

        def _parse_user_id(data: object) -> Unset | UUID:
            if isinstance(data, Unset):
                return data
            if not isinstance(data, str):
                raise TypeError()
            user_id_type_0 = UUID(data)

            return user_id_type_0

        user_id = _parse_user_id(d.pop("user_id", UNSET))

        approver_assignment_update = cls(
            approver_role=approver_role,
            org_unit_id=org_unit_id,
            user_id=user_id,
        )

        approver_assignment_update.additional_properties = d
        return approver_assignment_update

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
