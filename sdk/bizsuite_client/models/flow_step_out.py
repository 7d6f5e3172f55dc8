from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.approver_kind import ApproverKind, check_approver_kind

T = TypeVar("T", bound="FlowStepOut")


@_attrs_define
class FlowStepOut:
    """
    Attributes:
        approver_kind (ApproverKind): How a flow step finds its approver.
        approver_role (None | str):
        label (str):
        levels_up (int):
        optional (bool):
        org_unit_id (None | UUID):
        org_unit_kind (None | str):
        position (int):
        user_id (None | UUID):
    """

    approver_kind: ApproverKind
    approver_role: None | str
    label: str
    levels_up: int
    optional: bool
    org_unit_id: None | UUID
    org_unit_kind: None | str
    position: int
    user_id: None | UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        approver_kind: str = self.approver_kind

        approver_role: None | str
        approver_role = self.approver_role

        label = self.label

        levels_up = self.levels_up

        optional = self.optional

        org_unit_id: None | str
        if isinstance(self.org_unit_id, UUID):
            org_unit_id = str(self.org_unit_id)
        else:
            org_unit_id = self.org_unit_id

        org_unit_kind: None | str
        org_unit_kind = self.org_unit_kind

        position = self.position

        user_id: None | str
        if isinstance(self.user_id, UUID):
            user_id = str(self.user_id)
        else:
            user_id = self.user_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "approver_kind": approver_kind,
                "approver_role": approver_role,
                "label": label,
                "levels_up": levels_up,
                "optional": optional,
                "org_unit_id": org_unit_id,
                "org_unit_kind": org_unit_kind,
                "position": position,
                "user_id": user_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        approver_kind = check_approver_kind(d.pop("approver_kind"))

        def _parse_approver_role(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        approver_role = _parse_approver_role(d.pop("approver_role"))

        label = d.pop("label")

        levels_up = d.pop("levels_up")

        optional = d.pop("optional")

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

        def _parse_org_unit_kind(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        org_unit_kind = _parse_org_unit_kind(d.pop("org_unit_kind"))

        position = d.pop("position")

        def _parse_user_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                user_id_type_0 = UUID(data)

                return user_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        user_id = _parse_user_id(d.pop("user_id"))

        flow_step_out = cls(
            approver_kind=approver_kind,
            approver_role=approver_role,
            label=label,
            levels_up=levels_up,
            optional=optional,
            org_unit_id=org_unit_id,
            org_unit_kind=org_unit_kind,
            position=position,
            user_id=user_id,
        )

        flow_step_out.additional_properties = d
        return flow_step_out

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
