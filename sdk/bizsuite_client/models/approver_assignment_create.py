from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ApproverAssignmentCreate")


@_attrs_define
class ApproverAssignmentCreate:
    """
    Attributes:
        approver_role (str): An approver role such as `store_manager` (lower-case letters, digits, `_`).
        org_unit_id (UUID):
        user_id (UUID):
    """

    approver_role: str
    org_unit_id: UUID
    user_id: UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        approver_role = self.approver_role

        org_unit_id = str(self.org_unit_id)

        user_id = str(self.user_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "approver_role": approver_role,
                "org_unit_id": org_unit_id,
                "user_id": user_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        approver_role = d.pop("approver_role")

        org_unit_id = UUID(d.pop("org_unit_id"))

        user_id = UUID(d.pop("user_id"))

        approver_assignment_create = cls(
            approver_role=approver_role,
            org_unit_id=org_unit_id,
            user_id=user_id,
        )

        approver_assignment_create.additional_properties = d
        return approver_assignment_create

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
