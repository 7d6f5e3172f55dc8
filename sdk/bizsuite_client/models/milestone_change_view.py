from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="MilestoneChangeView")


@_attrs_define
class MilestoneChangeView:
    """
    Attributes:
        amount (None | str):
        amount_before (None | str):
        due_on (datetime.date | None):
        due_on_before (datetime.date | None):
        milestone_id (UUID):
        title (str):
    """

    amount: None | str
    amount_before: None | str
    due_on: datetime.date | None
    due_on_before: datetime.date | None
    milestone_id: UUID
    title: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount: None | str
        amount = self.amount

        amount_before: None | str
        amount_before = self.amount_before

        due_on: None | str
        if isinstance(self.due_on, datetime.date):
            due_on = self.due_on.isoformat()
        else:
            due_on = self.due_on

        due_on_before: None | str
        if isinstance(self.due_on_before, datetime.date):
            due_on_before = self.due_on_before.isoformat()
        else:
            due_on_before = self.due_on_before

        milestone_id = str(self.milestone_id)

        title = self.title

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "amount_before": amount_before,
                "due_on": due_on,
                "due_on_before": due_on_before,
                "milestone_id": milestone_id,
                "title": title,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_amount(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        amount = _parse_amount(d.pop("amount"))

        def _parse_amount_before(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        amount_before = _parse_amount_before(d.pop("amount_before"))

        def _parse_due_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                due_on_type_0 = datetime.date.fromisoformat(data)

                return due_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        due_on = _parse_due_on(d.pop("due_on"))

        def _parse_due_on_before(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                due_on_before_type_0 = datetime.date.fromisoformat(data)

                return due_on_before_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        due_on_before = _parse_due_on_before(d.pop("due_on_before"))

        milestone_id = UUID(d.pop("milestone_id"))

        title = d.pop("title")

        milestone_change_view = cls(
            amount=amount,
            amount_before=amount_before,
            due_on=due_on,
            due_on_before=due_on_before,
            milestone_id=milestone_id,
            title=title,
        )

        milestone_change_view.additional_properties = d
        return milestone_change_view

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
