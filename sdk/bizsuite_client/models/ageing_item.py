from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AgeingItem")


@_attrs_define
class AgeingItem:
    """
    Attributes:
        contract_id (UUID):
        contract_number (str):
        days_overdue (int):
        due (str):
        due_on (datetime.date):
        milestone_id (UUID):
        milestone_title (str):
        open_ (str):
        party_name (str):
        settled (str):
    """

    contract_id: UUID
    contract_number: str
    days_overdue: int
    due: str
    due_on: datetime.date
    milestone_id: UUID
    milestone_title: str
    open_: str
    party_name: str
    settled: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        contract_id = str(self.contract_id)

        contract_number = self.contract_number

        days_overdue = self.days_overdue

        due = self.due

        due_on = self.due_on.isoformat()

        milestone_id = str(self.milestone_id)

        milestone_title = self.milestone_title

        open_ = self.open_

        party_name = self.party_name

        settled = self.settled

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "contract_id": contract_id,
                "contract_number": contract_number,
                "days_overdue": days_overdue,
                "due": due,
                "due_on": due_on,
                "milestone_id": milestone_id,
                "milestone_title": milestone_title,
                "open": open_,
                "party_name": party_name,
                "settled": settled,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        contract_id = UUID(d.pop("contract_id"))

        contract_number = d.pop("contract_number")

        days_overdue = d.pop("days_overdue")

        due = d.pop("due")

        due_on = datetime.date.fromisoformat(d.pop("due_on"))

        milestone_id = UUID(d.pop("milestone_id"))

        milestone_title = d.pop("milestone_title")

        open_ = d.pop("open")

        party_name = d.pop("party_name")

        settled = d.pop("settled")

        ageing_item = cls(
            contract_id=contract_id,
            contract_number=contract_number,
            days_overdue=days_overdue,
            due=due,
            due_on=due_on,
            milestone_id=milestone_id,
            milestone_title=milestone_title,
            open_=open_,
            party_name=party_name,
            settled=settled,
        )

        ageing_item.additional_properties = d
        return ageing_item

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
