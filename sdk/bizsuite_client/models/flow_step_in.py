from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.approver_kind import ApproverKind, check_approver_kind
from ..models.org_unit_kind import OrgUnitKind, check_org_unit_kind
from ..types import UNSET, Unset

T = TypeVar("T", bound="FlowStepIn")


@_attrs_define
class FlowStepIn:
    """
    Attributes:
        approver_kind (ApproverKind): How a flow step finds its approver.
        label (str):
        approver_role (None | str | Unset): An approver role such as `store_manager` (lower-case letters, digits, `_`).
        levels_up (int | Unset):  Default: 0.
        optional (bool | Unset):  Default: False.
        org_unit_id (None | Unset | UUID):
        org_unit_kind (None | OrgUnitKind | Unset):
        user_id (None | Unset | UUID):
    """

    approver_kind: ApproverKind
    label: str
    approver_role: None | str | Unset = UNSET
    levels_up: int | Unset = 0
    optional: bool | Unset = False
    org_unit_id: None | Unset | UUID = UNSET
    org_unit_kind: None | OrgUnitKind | Unset = UNSET
    user_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        approver_kind: str = self.approver_kind

        label = self.label

        approver_role: None | str | Unset
        if isinstance(self.approver_role, Unset):
            approver_role = UNSET
        else:
            approver_role = self.approver_role

        levels_up = self.levels_up

        optional = self.optional

        org_unit_id: None | str | Unset
        if isinstance(self.org_unit_id, Unset):
            org_unit_id = UNSET
        elif isinstance(self.org_unit_id, UUID):
            org_unit_id = str(self.org_unit_id)
        else:
            org_unit_id = self.org_unit_id

        org_unit_kind: None | str | Unset
        if isinstance(self.org_unit_kind, Unset):
            org_unit_kind = UNSET
        elif isinstance(self.org_unit_kind, str):
            org_unit_kind = self.org_unit_kind
        else:
            org_unit_kind = self.org_unit_kind

        user_id: None | str | Unset
        if isinstance(self.user_id, Unset):
            user_id = UNSET
        elif isinstance(self.user_id, UUID):
            user_id = str(self.user_id)
        else:
            user_id = self.user_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "approver_kind": approver_kind,
                "label": label,
            }
        )
        if approver_role is not UNSET:
            field_dict["approver_role"] = approver_role
        if levels_up is not UNSET:
            field_dict["levels_up"] = levels_up
        if optional is not UNSET:
            field_dict["optional"] = optional
        if org_unit_id is not UNSET:
            field_dict["org_unit_id"] = org_unit_id
        if org_unit_kind is not UNSET:
            field_dict["org_unit_kind"] = org_unit_kind
        if user_id is not UNSET:
            field_dict["user_id"] = user_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        approver_kind = check_approver_kind(d.pop("approver_kind"))

        label = d.pop("label")

        def _parse_approver_role(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        approver_role = _parse_approver_role(d.pop("approver_role", UNSET))

        levels_up = d.pop("levels_up", UNSET)

        optional = d.pop("optional", UNSET)

        def _parse_org_unit_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                org_unit_id_type_0 = UUID(data)

                return org_unit_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        org_unit_id = _parse_org_unit_id(d.pop("org_unit_id", UNSET))

        def _parse_org_unit_kind(data: object) -> None | OrgUnitKind | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                org_unit_kind_type_0 = check_org_unit_kind(data)

                return org_unit_kind_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OrgUnitKind | Unset, data)

        org_unit_kind = _parse_org_unit_kind(d.pop("org_unit_kind", UNSET))

        def _parse_user_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                user_id_type_0 = UUID(data)

                return user_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        user_id = _parse_user_id(d.pop("user_id", UNSET))

        flow_step_in = cls(
            approver_kind=approver_kind,
            label=label,
            approver_role=approver_role,
            levels_up=levels_up,
            optional=optional,
            org_unit_id=org_unit_id,
            org_unit_kind=org_unit_kind,
            user_id=user_id,
        )

        flow_step_in.additional_properties = d
        return flow_step_in

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
