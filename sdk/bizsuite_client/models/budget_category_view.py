from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.check_scope import CheckScope, check_check_scope
from ..models.control_mode import ControlMode, check_control_mode

T = TypeVar("T", bound="BudgetCategoryView")


@_attrs_define
class BudgetCategoryView:
    """
    Attributes:
        approval_category (None | str):
        check_scope (CheckScope): Which budget a spend is checked against: its period's, the year so far, or both.
        code (str):
        control_mode (ControlMode): How spending beyond a line's budget is treated (预算控制力度).
        created_at (datetime.datetime):
        depth (int):
        id (UUID):
        name (str):
        notes (None | str):
        parent_id (None | UUID):
        position (int):
        ratio (None | str):
        updated_at (datetime.datetime):
        version (int):
    """

    approval_category: None | str
    check_scope: CheckScope
    code: str
    control_mode: ControlMode
    created_at: datetime.datetime
    depth: int
    id: UUID
    name: str
    notes: None | str
    parent_id: None | UUID
    position: int
    ratio: None | str
    updated_at: datetime.datetime
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        approval_category: None | str
        approval_category = self.approval_category

        check_scope: str = self.check_scope

        code = self.code

        control_mode: str = self.control_mode

        created_at = self.created_at.isoformat()

        depth = self.depth

        id = str(self.id)

        name = self.name

        notes: None | str
        notes = self.notes

        parent_id: None | str
        if isinstance(self.parent_id, UUID):
            parent_id = str(self.parent_id)
        else:
            parent_id = self.parent_id

        position = self.position

        ratio: None | str
        ratio = self.ratio

        updated_at = self.updated_at.isoformat()

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "approval_category": approval_category,
                "check_scope": check_scope,
                "code": code,
                "control_mode": control_mode,
                "created_at": created_at,
                "depth": depth,
                "id": id,
                "name": name,
                "notes": notes,
                "parent_id": parent_id,
                "position": position,
                "ratio": ratio,
                "updated_at": updated_at,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_approval_category(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        approval_category = _parse_approval_category(d.pop("approval_category"))

        check_scope = check_check_scope(d.pop("check_scope"))

        code = d.pop("code")

        control_mode = check_control_mode(d.pop("control_mode"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        depth = d.pop("depth")

        id = UUID(d.pop("id"))

        name = d.pop("name")

        def _parse_notes(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        notes = _parse_notes(d.pop("notes"))

        def _parse_parent_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                parent_id_type_0 = UUID(data)

                return parent_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        parent_id = _parse_parent_id(d.pop("parent_id"))

        position = d.pop("position")

        def _parse_ratio(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        ratio = _parse_ratio(d.pop("ratio"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        budget_category_view = cls(
            approval_category=approval_category,
            check_scope=check_scope,
            code=code,
            control_mode=control_mode,
            created_at=created_at,
            depth=depth,
            id=id,
            name=name,
            notes=notes,
            parent_id=parent_id,
            position=position,
            ratio=ratio,
            updated_at=updated_at,
            version=version,
        )

        budget_category_view.additional_properties = d
        return budget_category_view

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
