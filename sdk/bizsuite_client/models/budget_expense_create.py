from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.expense_kind import ExpenseKind, check_expense_kind
from ..types import UNSET, Unset

T = TypeVar("T", bound="BudgetExpenseCreate")


@_attrs_define
class BudgetExpenseCreate:
    """
    Attributes:
        amount (str):
        line_id (UUID):
        title (str):
        advance_id (None | Unset | UUID):
        author_id (None | Unset | UUID):
        kind (ExpenseKind | Unset): 费用申请 (request), 借款 (advance), 报销 (reimbursement).
        notes (None | str | Unset):
        spent_on (datetime.date | None | Unset):
    """

    amount: str
    line_id: UUID
    title: str
    advance_id: None | Unset | UUID = UNSET
    author_id: None | Unset | UUID = UNSET
    kind: ExpenseKind | Unset = UNSET
    notes: None | str | Unset = UNSET
    spent_on: datetime.date | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        line_id = str(self.line_id)

        title = self.title

        advance_id: None | str | Unset
        if isinstance(self.advance_id, Unset):
            advance_id = UNSET
        elif isinstance(self.advance_id, UUID):
            advance_id = str(self.advance_id)
        else:
            advance_id = self.advance_id

        author_id: None | str | Unset
        if isinstance(self.author_id, Unset):
            author_id = UNSET
        elif isinstance(self.author_id, UUID):
            author_id = str(self.author_id)
        else:
            author_id = self.author_id

        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        spent_on: None | str | Unset
        if isinstance(self.spent_on, Unset):
            spent_on = UNSET
        elif isinstance(self.spent_on, datetime.date):
            spent_on = self.spent_on.isoformat()
        else:
            spent_on = self.spent_on

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "line_id": line_id,
                "title": title,
            }
        )
        if advance_id is not UNSET:
            field_dict["advance_id"] = advance_id
        if author_id is not UNSET:
            field_dict["author_id"] = author_id
        if kind is not UNSET:
            field_dict["kind"] = kind
        if notes is not UNSET:
            field_dict["notes"] = notes
        if spent_on is not UNSET:
            field_dict["spent_on"] = spent_on

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        line_id = UUID(d.pop("line_id"))

        title = d.pop("title")

        def _parse_advance_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                advance_id_type_0 = UUID(data)

                return advance_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        advance_id = _parse_advance_id(d.pop("advance_id", UNSET))

        def _parse_author_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                author_id_type_0 = UUID(data)

                return author_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        author_id = _parse_author_id(d.pop("author_id", UNSET))

        _kind = d.pop("kind", UNSET)
        kind: ExpenseKind | Unset
        if isinstance(_kind, Unset):
            kind = UNSET
        else:
            kind = check_expense_kind(_kind)

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        def _parse_spent_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                spent_on_type_0 = datetime.date.fromisoformat(data)

                return spent_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        spent_on = _parse_spent_on(d.pop("spent_on", UNSET))

        budget_expense_create = cls(
            amount=amount,
            line_id=line_id,
            title=title,
            advance_id=advance_id,
            author_id=author_id,
            kind=kind,
            notes=notes,
            spent_on=spent_on,
        )

        budget_expense_create.additional_properties = d
        return budget_expense_create

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
