from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.adjustment_kind import AdjustmentKind, check_adjustment_kind
from ..types import UNSET, Unset

T = TypeVar("T", bound="BudgetAdjustmentCreate")


@_attrs_define
class BudgetAdjustmentCreate:
    """
    Attributes:
        amount (str):
        kind (AdjustmentKind): 调剂 (transfer between lines) or 追加 (increase of a line).
        reason (str):
        to_line_id (UUID):
        author_id (None | Unset | UUID):
        from_line_id (None | Unset | UUID):
    """

    amount: str
    kind: AdjustmentKind
    reason: str
    to_line_id: UUID
    author_id: None | Unset | UUID = UNSET
    from_line_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        kind: str = self.kind

        reason = self.reason

        to_line_id = str(self.to_line_id)

        author_id: None | str | Unset
        if isinstance(self.author_id, Unset):
            author_id = UNSET
        elif isinstance(self.author_id, UUID):
            author_id = str(self.author_id)
        else:
            author_id = self.author_id

        from_line_id: None | str | Unset
        if isinstance(self.from_line_id, Unset):
            from_line_id = UNSET
        elif isinstance(self.from_line_id, UUID):
            from_line_id = str(self.from_line_id)
        else:
            from_line_id = self.from_line_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "kind": kind,
                "reason": reason,
                "to_line_id": to_line_id,
            }
        )
        if author_id is not UNSET:
            field_dict["author_id"] = author_id
        if from_line_id is not UNSET:
            field_dict["from_line_id"] = from_line_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        kind = check_adjustment_kind(d.pop("kind"))

        reason = d.pop("reason")

        to_line_id = UUID(d.pop("to_line_id"))

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

        def _parse_from_line_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                from_line_id_type_0 = UUID(data)

                return from_line_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        from_line_id = _parse_from_line_id(d.pop("from_line_id", UNSET))

        budget_adjustment_create = cls(
            amount=amount,
            kind=kind,
            reason=reason,
            to_line_id=to_line_id,
            author_id=author_id,
            from_line_id=from_line_id,
        )

        budget_adjustment_create.additional_properties = d
        return budget_adjustment_create

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
