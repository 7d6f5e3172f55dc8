from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.step_status import StepStatus, check_step_status

T = TypeVar("T", bound="ApprovalStepOut")


@_attrs_define
class ApprovalStepOut:
    """
    Attributes:
        approver_id (None | UUID):
        approver_role (None | str):
        comment (None | str):
        decided_at (datetime.datetime | None):
        decided_by (None | UUID):
        id (UUID):
        label (str):
        org_unit_id (None | UUID):
        position (int):
        round_ (int):
        skip_reason (None | str):
        status (StepStatus): Where one step of a round stands.
    """

    approver_id: None | UUID
    approver_role: None | str
    comment: None | str
    decided_at: datetime.datetime | None
    decided_by: None | UUID
    id: UUID
    label: str
    org_unit_id: None | UUID
    position: int
    round_: int
    skip_reason: None | str
    status: StepStatus
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        approver_id: None | str
        if isinstance(self.approver_id, UUID):
            approver_id = str(self.approver_id)
        else:
            approver_id = self.approver_id

        approver_role: None | str
        approver_role = self.approver_role

        comment: None | str
        comment = self.comment

        decided_at: None | str
        if isinstance(self.decided_at, datetime.datetime):
            decided_at = self.decided_at.isoformat()
        else:
            decided_at = self.decided_at

        decided_by: None | str
        if isinstance(self.decided_by, UUID):
            decided_by = str(self.decided_by)
        else:
            decided_by = self.decided_by

        id = str(self.id)

        label = self.label

        org_unit_id: None | str
        if isinstance(self.org_unit_id, UUID):
            org_unit_id = str(self.org_unit_id)
        else:
            org_unit_id = self.org_unit_id

        position = self.position

        round_ = self.round_

        skip_reason: None | str
        skip_reason = self.skip_reason

        status: str = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "approver_id": approver_id,
                "approver_role": approver_role,
                "comment": comment,
                "decided_at": decided_at,
                "decided_by": decided_by,
                "id": id,
                "label": label,
                "org_unit_id": org_unit_id,
                "position": position,
                "round": round_,
                "skip_reason": skip_reason,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_approver_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                approver_id_type_0 = UUID(data)

                return approver_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        approver_id = _parse_approver_id(d.pop("approver_id"))

        def _parse_approver_role(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        approver_role = _parse_approver_role(d.pop("approver_role"))

        def _parse_comment(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        comment = _parse_comment(d.pop("comment"))

        def _parse_decided_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_at_type_0 = datetime.datetime.fromisoformat(data)

                return decided_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        decided_at = _parse_decided_at(d.pop("decided_at"))

        def _parse_decided_by(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_by_type_0 = UUID(data)

                return decided_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        decided_by = _parse_decided_by(d.pop("decided_by"))

        id = UUID(d.pop("id"))

        label = d.pop("label")

        def _parse_org_unit_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                org_unit_id_type_0 = UUID(data)

                return org_unit_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        org_unit_id = _parse_org_unit_id(d.pop("org_unit_id"))

        position = d.pop("position")

        round_ = d.pop("round")

        def _parse_skip_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        skip_reason = _parse_skip_reason(d.pop("skip_reason"))

        status = check_step_status(d.pop("status"))

        approval_step_out = cls(
            approver_id=approver_id,
            approver_role=approver_role,
            comment=comment,
            decided_at=decided_at,
            decided_by=decided_by,
            id=id,
            label=label,
            org_unit_id=org_unit_id,
            position=position,
            round_=round_,
            skip_reason=skip_reason,
            status=status,
        )

        approval_step_out.additional_properties = d
        return approval_step_out

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
