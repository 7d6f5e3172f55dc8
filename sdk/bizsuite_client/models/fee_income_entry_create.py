from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.income_kind import IncomeKind, check_income_kind
from ..types import UNSET, Unset

T = TypeVar("T", bound="FeeIncomeEntryCreate")


@_attrs_define
class FeeIncomeEntryCreate:
    """
    Attributes:
        amount (str): A decimal string, at most 2 decimals.
        kind (IncomeKind): Kinds of other income (其他业务收入).
        org_unit_id (UUID):
        year (int):
        note (None | str | Unset):
    """

    amount: str
    kind: IncomeKind
    org_unit_id: UUID
    year: int
    note: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        kind: str = self.kind

        org_unit_id = str(self.org_unit_id)

        year = self.year

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "kind": kind,
                "org_unit_id": org_unit_id,
                "year": year,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        kind = check_income_kind(d.pop("kind"))

        org_unit_id = UUID(d.pop("org_unit_id"))

        year = d.pop("year")

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        fee_income_entry_create = cls(
            amount=amount,
            kind=kind,
            org_unit_id=org_unit_id,
            year=year,
            note=note,
        )

        fee_income_entry_create.additional_properties = d
        return fee_income_entry_create

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
