from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="RoutePreviewStep")


@_attrs_define
class RoutePreviewStep:
    """
    Attributes:
        approver_id (None | UUID):
        approver_role (None | str):
        label (str):
        org_unit_id (None | UUID):
        position (int):
        skip_reason (None | str):
    """

    approver_id: None | UUID
    approver_role: None | str
    label: str
    org_unit_id: None | UUID
    position: int
    skip_reason: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        approver_id: None | str
        if isinstance(self.approver_id, UUID):
            approver_id = str(self.approver_id)
        else:
            approver_id = self.approver_id

        approver_role: None | str
        approver_role = self.approver_role

        label = self.label

        org_unit_id: None | str
        if isinstance(self.org_unit_id, UUID):
            org_unit_id = str(self.org_unit_id)
        else:
            org_unit_id = self.org_unit_id

        position = self.position

        skip_reason: None | str
        skip_reason = self.skip_reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "approver_id": approver_id,
                "approver_role": approver_role,
                "label": label,
                "org_unit_id": org_unit_id,
                "position": position,
                "skip_reason": skip_reason,
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

        def _parse_skip_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        skip_reason = _parse_skip_reason(d.pop("skip_reason"))

        route_preview_step = cls(
            approver_id=approver_id,
            approver_role=approver_role,
            label=label,
            org_unit_id=org_unit_id,
            position=position,
            skip_reason=skip_reason,
        )

        route_preview_step.additional_properties = d
        return route_preview_step

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
