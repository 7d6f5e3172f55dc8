from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.component_kind import ComponentKind, check_component_kind
from ..models.line_kind import LineKind, check_line_kind

if TYPE_CHECKING:
    from ..models.fee_line_view_inputs import FeeLineViewInputs
    from ..models.fee_source_view import FeeSourceView


T = TypeVar("T", bound="FeeLineView")


@_attrs_define
class FeeLineView:
    """
    Attributes:
        adjusts_line_id (None | UUID):
        adjusts_statement_number (None | str):
        amount (str):
        component (ComponentKind | None):
        currency (str):
        formula (str):
        id (UUID):
        inputs (FeeLineViewInputs):
        kind (LineKind): What a statement line is.
        label (str):
        position (int):
        rate (None | str):
        sources (list[FeeSourceView]):
    """

    adjusts_line_id: None | UUID
    adjusts_statement_number: None | str
    amount: str
    component: ComponentKind | None
    currency: str
    formula: str
    id: UUID
    inputs: FeeLineViewInputs
    kind: LineKind
    label: str
    position: int
    rate: None | str
    sources: list[FeeSourceView]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        adjusts_line_id: None | str
        if isinstance(self.adjusts_line_id, UUID):
            adjusts_line_id = str(self.adjusts_line_id)
        else:
            adjusts_line_id = self.adjusts_line_id

        adjusts_statement_number: None | str
        adjusts_statement_number = self.adjusts_statement_number

        amount = self.amount

        component: None | str
        if isinstance(self.component, str):
            component = self.component
        else:
            component = self.component

        currency = self.currency

        formula = self.formula

        id = str(self.id)

        inputs = self.inputs.to_dict()

        kind: str = self.kind

        label = self.label

        position = self.position

        rate: None | str
        rate = self.rate

        sources = []
        for sources_item_data in self.sources:
            sources_item = sources_item_data.to_dict()
            sources.append(sources_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "adjusts_line_id": adjusts_line_id,
                "adjusts_statement_number": adjusts_statement_number,
                "amount": amount,
                "component": component,
                "currency": currency,
                "formula": formula,
                "id": id,
                "inputs": inputs,
                "kind": kind,
                "label": label,
                "position": position,
                "rate": rate,
                "sources": sources,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.fee_line_view_inputs import FeeLineViewInputs  # noqa: PLC0415
        from ..models.fee_source_view import FeeSourceView  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_adjusts_line_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                adjusts_line_id_type_0 = UUID(data)

                return adjusts_line_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        adjusts_line_id = _parse_adjusts_line_id(d.pop("adjusts_line_id"))

        def _parse_adjusts_statement_number(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        adjusts_statement_number = _parse_adjusts_statement_number(d.pop("adjusts_statement_number"))

        amount = d.pop("amount")

        def _parse_component(data: object) -> ComponentKind | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                component_type_0 = check_component_kind(data)

                return component_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ComponentKind | None, data)

        component = _parse_component(d.pop("component"))

        currency = d.pop("currency")

        formula = d.pop("formula")

        id = UUID(d.pop("id"))

        inputs = FeeLineViewInputs.from_dict(d.pop("inputs"))

        kind = check_line_kind(d.pop("kind"))

        label = d.pop("label")

        position = d.pop("position")

        def _parse_rate(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        rate = _parse_rate(d.pop("rate"))

        sources = []
        _sources = d.pop("sources")
        for sources_item_data in _sources:
            sources_item = FeeSourceView.from_dict(sources_item_data)

            sources.append(sources_item)

        fee_line_view = cls(
            adjusts_line_id=adjusts_line_id,
            adjusts_statement_number=adjusts_statement_number,
            amount=amount,
            component=component,
            currency=currency,
            formula=formula,
            id=id,
            inputs=inputs,
            kind=kind,
            label=label,
            position=position,
            rate=rate,
            sources=sources,
        )

        fee_line_view.additional_properties = d
        return fee_line_view

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
