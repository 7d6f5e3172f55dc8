from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ApproverAssignmentOut")


@_attrs_define
class ApproverAssignmentOut:
    """
    Attributes:
        approver_role (str):
        created_at (datetime.datetime):
        id (UUID):
        org_unit_id (UUID):
        updated_at (datetime.datetime):
        user_id (UUID):
        version (int):
    """

    approver_role: str
    created_at: datetime.datetime
    id: UUID
    org_unit_id: UUID
    updated_at: datetime.datetime
    user_id: UUID
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        approver_role = self.approver_role

        created_at = self.created_at.isoformat()

        id = str(self.id)

        org_unit_id = str(self.org_unit_id)

        updated_at = self.updated_at.isoformat()

        user_id = str(self.user_id)

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "approver_role": approver_role,
                "created_at": created_at,
                "id": id,
                "org_unit_id": org_unit_id,
                "updated_at": updated_at,
                "user_id": user_id,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        approver_role = d.pop("approver_role")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = UUID(d.pop("id"))

        org_unit_id = UUID(d.pop("org_unit_id"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        user_id = UUID(d.pop("user_id"))

        version = d.pop("version")

        approver_assignment_out = cls(
            approver_role=approver_role,
            created_at=created_at,
            id=id,
            org_unit_id=org_unit_id,
            updated_at=updated_at,
            user_id=user_id,
            version=version,
        )

        approver_assignment_out.additional_properties = d
        return approver_assignment_out

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
