from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.org_unit_kind import OrgUnitKind, check_org_unit_kind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.flow_step_in import FlowStepIn


T = TypeVar("T", bound="ApprovalFlowUpdate")


@_attrs_define
class ApprovalFlowUpdate:
    """
    Attributes:
        categories (list[str] | Unset):
        code (str | Unset):
        currency (None | str | Unset): ISO 4217 code, e.g. `CNY`.
        document_types (list[str] | Unset):
        is_active (bool | Unset):
        max_amount (None | str | Unset): A decimal string with at most 2 decimals.
        min_amount (None | str | Unset): A decimal string with at most 2 decimals.
        name (str | Unset):
        org_unit_kinds (list[OrgUnitKind] | Unset):
        priority (int | Unset):
        steps (list[FlowStepIn] | Unset):
    """

    categories: list[str] | Unset = UNSET
    code: str | Unset = UNSET
    currency: None | str | Unset = UNSET
    document_types: list[str] | Unset = UNSET
    is_active: bool | Unset = UNSET
    max_amount: None | str | Unset = UNSET
    min_amount: None | str | Unset = UNSET
    name: str | Unset = UNSET
    org_unit_kinds: list[OrgUnitKind] | Unset = UNSET
    priority: int | Unset = UNSET
    steps: list[FlowStepIn] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        categories: list[str] | Unset
        if isinstance(self.categories, Unset):
            categories = UNSET
        else:
            categories = self.categories

        code: str | Unset
        if isinstance(self.code, Unset):
            code = UNSET
        else:
            code = self.code

        currency: None | str | Unset
        if isinstance(self.currency, Unset):
            currency = UNSET
        else:
            currency = self.currency

        document_types: list[str] | Unset
        if isinstance(self.document_types, Unset):
            document_types = UNSET
        else:
            document_types = self.document_types

        is_active: bool | Unset
        if isinstance(self.is_active, Unset):
            is_active = UNSET
        else:
            is_active = self.is_active

        max_amount: None | str | Unset
        if isinstance(self.max_amount, Unset):
            max_amount = UNSET
        else:
            max_amount = self.max_amount

        min_amount: None | str | Unset
        if isinstance(self.min_amount, Unset):
            min_amount = UNSET
        else:
            min_amount = self.min_amount

        name: str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        org_unit_kinds: list[str] | Unset
        if isinstance(self.org_unit_kinds, Unset):
            org_unit_kinds = UNSET
        else:
            org_unit_kinds = []
            for org_unit_kinds_type_0_item_data in self.org_unit_kinds:
                org_unit_kinds_type_0_item: str = org_unit_kinds_type_0_item_data
                org_unit_kinds.append(org_unit_kinds_type_0_item)

        priority: int | Unset
        if isinstance(self.priority, Unset):
            priority = UNSET
        else:
            priority = self.priority

        steps: list[dict[str, Any]] | Unset
        if isinstance(self.steps, Unset):
            steps = UNSET
        else:
            steps = []
            for steps_type_0_item_data in self.steps:
                steps_type_0_item = steps_type_0_item_data.to_dict()
                steps.append(steps_type_0_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if categories is not UNSET:
            field_dict["categories"] = categories
        if code is not UNSET:
            field_dict["code"] = code
        if currency is not UNSET:
            field_dict["currency"] = currency
        if document_types is not UNSET:
            field_dict["document_types"] = document_types
        if is_active is not UNSET:
            field_dict["is_active"] = is_active
        if max_amount is not UNSET:
            field_dict["max_amount"] = max_amount
        if min_amount is not UNSET:
            field_dict["min_amount"] = min_amount
        if name is not UNSET:
            field_dict["name"] = name
        if org_unit_kinds is not UNSET:
            field_dict["org_unit_kinds"] = org_unit_kinds
        if priority is not UNSET:
            field_dict["priority"] = priority
        if steps is not UNSET:
            field_dict["steps"] = steps

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.flow_step_in import FlowStepIn  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_categories(data: object) -> list[str] | Unset:
            if isinstance(data, Unset):
                return data
            if not isinstance(data, list):
                raise TypeError()
            categories_type_0 = cast(list[str], data)

            return categories_type_0

        categories = _parse_categories(d.pop("categories", UNSET))

        def _parse_code(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        code = _parse_code(d.pop("code", UNSET))

        def _parse_currency(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        currency = _parse_currency(d.pop("currency", UNSET))

        def _parse_document_types(data: object) -> list[str] | Unset:
            if isinstance(data, Unset):
                return data
            if not isinstance(data, list):
                raise TypeError()
            document_types_type_0 = cast(list[str], data)

            return document_types_type_0

        document_types = _parse_document_types(d.pop("document_types", UNSET))

        def _parse_is_active(data: object) -> bool | Unset:
            if isinstance(data, Unset):
                return data
            return cast(bool | Unset, data)

        is_active = _parse_is_active(d.pop("is_active", UNSET))

        def _parse_max_amount(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        max_amount = _parse_max_amount(d.pop("max_amount", UNSET))

        def _parse_min_amount(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        min_amount = _parse_min_amount(d.pop("min_amount", UNSET))

        def _parse_name(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_org_unit_kinds(data: object) -> list[OrgUnitKind] | Unset:
            if isinstance(data, Unset):
                return data
            if not isinstance(data, list):
                raise TypeError()
            org_unit_kinds_type_0 = []
            _org_unit_kinds_type_0 = data
            for org_unit_kinds_type_0_item_data in _org_unit_kinds_type_0:
                org_unit_kinds_type_0_item = check_org_unit_kind(org_unit_kinds_type_0_item_data)

                org_unit_kinds_type_0.append(org_unit_kinds_type_0_item)

            return org_unit_kinds_type_0

        org_unit_kinds = _parse_org_unit_kinds(d.pop("org_unit_kinds", UNSET))

        def _parse_priority(data: object) -> int | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | Unset, data)

        priority = _parse_priority(d.pop("priority", UNSET))

        def _parse_steps(data: object) -> list[FlowStepIn] | Unset:
            if isinstance(data, Unset):
                return data
            if not isinstance(data, list):
                raise TypeError()
            steps_type_0 = []
            _steps_type_0 = data
            for steps_type_0_item_data in _steps_type_0:
                steps_type_0_item = FlowStepIn.from_dict(steps_type_0_item_data)

                steps_type_0.append(steps_type_0_item)

            return steps_type_0

        steps = _parse_steps(d.pop("steps", UNSET))

        approval_flow_update = cls(
            categories=categories,
            code=code,
            currency=currency,
            document_types=document_types,
            is_active=is_active,
            max_amount=max_amount,
            min_amount=min_amount,
            name=name,
            org_unit_kinds=org_unit_kinds,
            priority=priority,
            steps=steps,
        )

        approval_flow_update.additional_properties = d
        return approval_flow_update

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
