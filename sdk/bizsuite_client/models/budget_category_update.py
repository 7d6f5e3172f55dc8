from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.check_scope import CheckScope, check_check_scope
from ..models.control_mode import ControlMode, check_control_mode
from ..types import UNSET, Unset

T = TypeVar("T", bound="BudgetCategoryUpdate")


@_attrs_define
class BudgetCategoryUpdate:
    """
    Attributes:
        approval_category (None | str | Unset):
        check_scope (CheckScope | Unset): Which budget a spend is checked against: its period's, the year so far, or
            both.
        code (str | Unset):
        control_mode (ControlMode | Unset): How spending beyond a line's budget is treated (预算控制力度).
        name (str | Unset):
        notes (None | str | Unset):
        parent_id (None | Unset | UUID):
        position (int | Unset):
        ratio (None | str | Unset):
    """

    approval_category: None | str | Unset = UNSET
    check_scope: CheckScope | Unset = UNSET
    code: str | Unset = UNSET
    control_mode: ControlMode | Unset = UNSET
    name: str | Unset = UNSET
    notes: None | str | Unset = UNSET
    parent_id: None | Unset | UUID = UNSET
    position: int | Unset = UNSET
    ratio: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        approval_category: None | str | Unset
        if isinstance(self.approval_category, Unset):
            approval_category = UNSET
        else:
            approval_category = self.approval_category

        check_scope: str | Unset = UNSET
        if not isinstance(self.check_scope, Unset):
            check_scope = self.check_scope

        code: str | Unset
        if isinstance(self.code, Unset):
            code = UNSET
        else:
            code = self.code

        control_mode: str | Unset = UNSET
        if not isinstance(self.control_mode, Unset):
            control_mode = self.control_mode

        name: str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        parent_id: None | str | Unset
        if isinstance(self.parent_id, Unset):
            parent_id = UNSET
        elif isinstance(self.parent_id, UUID):
            parent_id = str(self.parent_id)
        else:
            parent_id = self.parent_id

        position: int | Unset
        if isinstance(self.position, Unset):
            position = UNSET
        else:
            position = self.position

        ratio: None | str | Unset
        if isinstance(self.ratio, Unset):
            ratio = UNSET
        else:
            ratio = self.ratio

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if approval_category is not UNSET:
            field_dict["approval_category"] = approval_category
        if check_scope is not UNSET:
            field_dict["check_scope"] = check_scope
        if code is not UNSET:
            field_dict["code"] = code
        if control_mode is not UNSET:
            field_dict["control_mode"] = control_mode
        if name is not UNSET:
            field_dict["name"] = name
        if notes is not UNSET:
            field_dict["notes"] = notes
        if parent_id is not UNSET:
            field_dict["parent_id"] = parent_id
        if position is not UNSET:
            field_dict["position"] = position
        if ratio is not UNSET:
            field_dict["ratio"] = ratio

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_approval_category(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        approval_category = _parse_approval_category(d.pop("approval_category", UNSET))

        _check_scope = d.pop("check_scope", UNSET)
        check_scope: CheckScope | Unset
        if isinstance(_check_scope, Unset):
            check_scope = UNSET
        else:
            check_scope = check_check_scope(_check_scope)

        def _parse_code(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        code = _parse_code(d.pop("code", UNSET))

        _control_mode = d.pop("control_mode", UNSET)
        control_mode: ControlMode | Unset
        if isinstance(_control_mode, Unset):
            control_mode = UNSET
        else:
            control_mode = check_control_mode(_control_mode)

        def _parse_name(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        def _parse_parent_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                parent_id_type_0 = UUID(data)

                return parent_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        parent_id = _parse_parent_id(d.pop("parent_id", UNSET))

        def _parse_position(data: object) -> int | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | Unset, data)

        position = _parse_position(d.pop("position", UNSET))

        def _parse_ratio(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        ratio = _parse_ratio(d.pop("ratio", UNSET))

        budget_category_update = cls(
            approval_category=approval_category,
            check_scope=check_scope,
            code=code,
            control_mode=control_mode,
            name=name,
            notes=notes,
            parent_id=parent_id,
            position=position,
            ratio=ratio,
        )

        budget_category_update.additional_properties = d
        return budget_category_update

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
