from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.spend_rule import SpendRule, check_spend_rule

T = TypeVar("T", bound="SpendPosition")


@_attrs_define
class SpendPosition:
    """
    Attributes:
        available (str):
        awaiting_approval (str):
        formula (str):
        paid (str):
        project_id (UUID):
        received (str):
        rule (SpendRule): 以收定支: how a payment beyond what the project received is treated.
    """

    available: str
    awaiting_approval: str
    formula: str
    paid: str
    project_id: UUID
    received: str
    rule: SpendRule
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        available = self.available

        awaiting_approval = self.awaiting_approval

        formula = self.formula

        paid = self.paid

        project_id = str(self.project_id)

        received = self.received

        rule: str = self.rule

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "available": available,
                "awaiting_approval": awaiting_approval,
                "formula": formula,
                "paid": paid,
                "project_id": project_id,
                "received": received,
                "rule": rule,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        available = d.pop("available")

        awaiting_approval = d.pop("awaiting_approval")

        formula = d.pop("formula")

        paid = d.pop("paid")

        project_id = UUID(d.pop("project_id"))

        received = d.pop("received")

        rule = check_spend_rule(d.pop("rule"))

        spend_position = cls(
            available=available,
            awaiting_approval=awaiting_approval,
            formula=formula,
            paid=paid,
            project_id=project_id,
            received=received,
            rule=rule,
        )

        spend_position.additional_properties = d
        return spend_position

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
