from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="FeeSourceView")


@_attrs_define
class FeeSourceView:
    """
    Attributes:
        amount (str):
        id (str):
        kind (str):
        on (str):
        reference (str):
    """

    amount: str
    id: str
    kind: str
    on: str
    reference: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        id = self.id

        kind = self.kind

        on = self.on

        reference = self.reference

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "id": id,
                "kind": kind,
                "on": on,
                "reference": reference,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        id = d.pop("id")

        kind = d.pop("kind")

        on = d.pop("on")

        reference = d.pop("reference")

        fee_source_view = cls(
            amount=amount,
            id=id,
            kind=kind,
            on=on,
            reference=reference,
        )

        fee_source_view.additional_properties = d
        return fee_source_view

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
