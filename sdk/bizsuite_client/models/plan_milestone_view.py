from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PlanMilestoneView")


@_attrs_define
class PlanMilestoneView:
    """
    Attributes:
        amount (str):
        condition (None | str):
        due_on (datetime.date):
        id (UUID):
        open_ (str):
        percentage (None | str):
        settled (str):
        title (str):
    """

    amount: str
    condition: None | str
    due_on: datetime.date
    id: UUID
    open_: str
    percentage: None | str
    settled: str
    title: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        condition: None | str
        condition = self.condition

        due_on = self.due_on.isoformat()

        id = str(self.id)

        open_ = self.open_

        percentage: None | str
        percentage = self.percentage

        settled = self.settled

        title = self.title

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "condition": condition,
                "due_on": due_on,
                "id": id,
                "open": open_,
                "percentage": percentage,
                "settled": settled,
                "title": title,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        def _parse_condition(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        condition = _parse_condition(d.pop("condition"))

        due_on = datetime.date.fromisoformat(d.pop("due_on"))

        id = UUID(d.pop("id"))

        open_ = d.pop("open")

        def _parse_percentage(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        percentage = _parse_percentage(d.pop("percentage"))

        settled = d.pop("settled")

        title = d.pop("title")

        plan_milestone_view = cls(
            amount=amount,
            condition=condition,
            due_on=due_on,
            id=id,
            open_=open_,
            percentage=percentage,
            settled=settled,
            title=title,
        )

        plan_milestone_view.additional_properties = d
        return plan_milestone_view

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
