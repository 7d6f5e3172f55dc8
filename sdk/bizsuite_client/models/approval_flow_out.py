from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.flow_step_out import FlowStepOut


T = TypeVar("T", bound="ApprovalFlowOut")


@_attrs_define
class ApprovalFlowOut:
    """
    Attributes:
        categories (list[str]):
        code (str):
        created_at (datetime.datetime):
        currency (None | str):
        document_types (list[str]):
        id (UUID):
        is_active (bool):
        max_amount (None | str):
        min_amount (None | str):
        name (str):
        org_unit_kinds (list[str]):
        priority (int):
        steps (list[FlowStepOut]):
        updated_at (datetime.datetime):
        version (int):
    """

    categories: list[str]
    code: str
    created_at: datetime.datetime
    currency: None | str
    document_types: list[str]
    id: UUID
    is_active: bool
    max_amount: None | str
    min_amount: None | str
    name: str
    org_unit_kinds: list[str]
    priority: int
    steps: list[FlowStepOut]
    updated_at: datetime.datetime
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        categories = self.categories

        code = self.code

        created_at = self.created_at.isoformat()

        currency: None | str
        currency = self.currency

        document_types = self.document_types

        id = str(self.id)

        is_active = self.is_active

        max_amount: None | str
        max_amount = self.max_amount

        min_amount: None | str
        min_amount = self.min_amount

        name = self.name

        org_unit_kinds = self.org_unit_kinds

        priority = self.priority

        steps = []
        for steps_item_data in self.steps:
            steps_item = steps_item_data.to_dict()
            steps.append(steps_item)

        updated_at = self.updated_at.isoformat()

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "categories": categories,
                "code": code,
                "created_at": created_at,
                "currency": currency,
                "document_types": document_types,
                "id": id,
                "is_active": is_active,
                "max_amount": max_amount,
                "min_amount": min_amount,
                "name": name,
                "org_unit_kinds": org_unit_kinds,
                "priority": priority,
                "steps": steps,
                "updated_at": updated_at,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.flow_step_out import FlowStepOut  # noqa: PLC0415

        d = dict(src_dict)
        categories = cast(list[str], d.pop("categories"))

        code = d.pop("code")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_currency(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        currency = _parse_currency(d.pop("currency"))

        document_types = cast(list[str], d.pop("document_types"))

        id = UUID(d.pop("id"))

        is_active = d.pop("is_active")

        def _parse_max_amount(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        max_amount = _parse_max_amount(d.pop("max_amount"))

        def _parse_min_amount(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        min_amount = _parse_min_amount(d.pop("min_amount"))

        name = d.pop("name")

        org_unit_kinds = cast(list[str], d.pop("org_unit_kinds"))

        priority = d.pop("priority")

        steps = []
        _steps = d.pop("steps")
        for steps_item_data in _steps:
            steps_item = FlowStepOut.from_dict(steps_item_data)

            steps.append(steps_item)

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        approval_flow_out = cls(
            categories=categories,
            code=code,
            created_at=created_at,
            currency=currency,
            document_types=document_types,
            id=id,
            is_active=is_active,
            max_amount=max_amount,
            min_amount=min_amount,
            name=name,
            org_unit_kinds=org_unit_kinds,
            priority=priority,
            steps=steps,
            updated_at=updated_at,
            version=version,
        )

        approval_flow_out.additional_properties = d
        return approval_flow_out

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
