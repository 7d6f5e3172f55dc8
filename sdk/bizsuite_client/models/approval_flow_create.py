from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.org_unit_kind import OrgUnitKind, check_org_unit_kind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.flow_step_in import FlowStepIn


T = TypeVar("T", bound="ApprovalFlowCreate")


@_attrs_define
class ApprovalFlowCreate:
    """
    Attributes:
        code (str):
        name (str):
        steps (list[FlowStepIn]):
        categories (list[str] | Unset):
        currency (None | str | Unset): ISO 4217 code, e.g. `CNY`.
        document_types (list[str] | Unset):
        is_active (bool | Unset):  Default: True.
        max_amount (None | str | Unset): A decimal string with at most 2 decimals.
        min_amount (None | str | Unset): A decimal string with at most 2 decimals.
        org_unit_kinds (list[OrgUnitKind] | Unset):
        priority (int | Unset):  Default: 100.
    """

    code: str
    name: str
    steps: list[FlowStepIn]
    categories: list[str] | Unset = UNSET
    currency: None | str | Unset = UNSET
    document_types: list[str] | Unset = UNSET
    is_active: bool | Unset = True
    max_amount: None | str | Unset = UNSET
    min_amount: None | str | Unset = UNSET
    org_unit_kinds: list[OrgUnitKind] | Unset = UNSET
    priority: int | Unset = 100
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        name = self.name

        steps = []
        for steps_item_data in self.steps:
            steps_item = steps_item_data.to_dict()
            steps.append(steps_item)

        categories: list[str] | Unset = UNSET
        if not isinstance(self.categories, Unset):
            categories = self.categories

        currency: None | str | Unset
        if isinstance(self.currency, Unset):
            currency = UNSET
        else:
            currency = self.currency

        document_types: list[str] | Unset = UNSET
        if not isinstance(self.document_types, Unset):
            document_types = self.document_types

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

        org_unit_kinds: list[str] | Unset = UNSET
        if not isinstance(self.org_unit_kinds, Unset):
            org_unit_kinds = []
            for org_unit_kinds_item_data in self.org_unit_kinds:
                org_unit_kinds_item: str = org_unit_kinds_item_data
                org_unit_kinds.append(org_unit_kinds_item)

        priority = self.priority

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "name": name,
                "steps": steps,
            }
        )
        if categories is not UNSET:
            field_dict["categories"] = categories
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
        if org_unit_kinds is not UNSET:
            field_dict["org_unit_kinds"] = org_unit_kinds
        if priority is not UNSET:
            field_dict["priority"] = priority

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.flow_step_in import FlowStepIn  # noqa: PLC0415

        d = dict(src_dict)
        code = d.pop("code")

        name = d.pop("name")

        steps = []
        _steps = d.pop("steps")
        for steps_item_data in _steps:
            steps_item = FlowStepIn.from_dict(steps_item_data)

            steps.append(steps_item)

        categories = cast(list[str], d.pop("categories", UNSET))

        def _parse_currency(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        currency = _parse_currency(d.pop("currency", UNSET))

        document_types = cast(list[str], d.pop("document_types", UNSET))

        is_active = d.pop("is_active", UNSET)

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

        _org_unit_kinds = d.pop("org_unit_kinds", UNSET)
        org_unit_kinds: list[OrgUnitKind] | Unset = UNSET
        if _org_unit_kinds is not UNSET:
            org_unit_kinds = []
            for org_unit_kinds_item_data in _org_unit_kinds:
                org_unit_kinds_item = check_org_unit_kind(org_unit_kinds_item_data)

                org_unit_kinds.append(org_unit_kinds_item)

        priority = d.pop("priority", UNSET)

        approval_flow_create = cls(
            code=code,
            name=name,
            steps=steps,
            categories=categories,
            currency=currency,
            document_types=document_types,
            is_active=is_active,
            max_amount=max_amount,
            min_amount=min_amount,
            org_unit_kinds=org_unit_kinds,
            priority=priority,
        )

        approval_flow_create.additional_properties = d
        return approval_flow_create

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
