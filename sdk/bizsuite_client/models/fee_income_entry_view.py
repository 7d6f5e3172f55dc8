from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.income_kind import IncomeKind, check_income_kind

T = TypeVar("T", bound="FeeIncomeEntryView")


@_attrs_define
class FeeIncomeEntryView:
    """
    Attributes:
        amount (str):
        id (UUID):
        kind (IncomeKind): Kinds of other income (其他业务收入).
        note (None | str):
        org_unit_id (UUID):
        org_unit_name (str):
        year (int):
    """

    amount: str
    id: UUID
    kind: IncomeKind
    note: None | str
    org_unit_id: UUID
    org_unit_name: str
    year: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        id = str(self.id)

        kind: str = self.kind

        note: None | str
        note = self.note

        org_unit_id = str(self.org_unit_id)

        org_unit_name = self.org_unit_name

        year = self.year

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "id": id,
                "kind": kind,
                "note": note,
                "org_unit_id": org_unit_id,
                "org_unit_name": org_unit_name,
                "year": year,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        id = UUID(d.pop("id"))

        kind = check_income_kind(d.pop("kind"))

        def _parse_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        note = _parse_note(d.pop("note"))

        org_unit_id = UUID(d.pop("org_unit_id"))

        org_unit_name = d.pop("org_unit_name")

        year = d.pop("year")

        fee_income_entry_view = cls(
            amount=amount,
            id=id,
            kind=kind,
            note=note,
            org_unit_id=org_unit_id,
            org_unit_name=org_unit_name,
            year=year,
        )

        fee_income_entry_view.additional_properties = d
        return fee_income_entry_view

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
