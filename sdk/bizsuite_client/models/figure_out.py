from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.figure_out_inputs import FigureOutInputs


T = TypeVar("T", bound="FigureOut")


@_attrs_define
class FigureOut:
    """
    Attributes:
        amount (str):
        formula (str):
        inputs (FigureOutInputs):
    """

    amount: str
    formula: str
    inputs: FigureOutInputs
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        formula = self.formula

        inputs = self.inputs.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "formula": formula,
                "inputs": inputs,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.figure_out_inputs import FigureOutInputs  # noqa: PLC0415

        d = dict(src_dict)
        amount = d.pop("amount")

        formula = d.pop("formula")

        inputs = FigureOutInputs.from_dict(d.pop("inputs"))

        figure_out = cls(
            amount=amount,
            formula=formula,
            inputs=inputs,
        )

        figure_out.additional_properties = d
        return figure_out

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
