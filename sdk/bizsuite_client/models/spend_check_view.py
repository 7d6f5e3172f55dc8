from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.spend_rule import SpendRule, check_spend_rule

T = TypeVar("T", bound="SpendCheckView")


@_attrs_define
class SpendCheckView:
    """
    Attributes:
        available (str):
        outcome (str):
        paid (str):
        received (str):
        requested (str):
        rule (SpendRule): 以收定支: how a payment beyond what the project received is treated.
        shortfall (str):
    """

    available: str
    outcome: str
    paid: str
    received: str
    requested: str
    rule: SpendRule
    shortfall: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        available = self.available

        outcome = self.outcome

        paid = self.paid

        received = self.received

        requested = self.requested

        rule: str = self.rule

        shortfall = self.shortfall

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "available": available,
                "outcome": outcome,
                "paid": paid,
                "received": received,
                "requested": requested,
                "rule": rule,
                "shortfall": shortfall,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        available = d.pop("available")

        outcome = d.pop("outcome")

        paid = d.pop("paid")

        received = d.pop("received")

        requested = d.pop("requested")

        rule = check_spend_rule(d.pop("rule"))

        shortfall = d.pop("shortfall")

        spend_check_view = cls(
            available=available,
            outcome=outcome,
            paid=paid,
            received=received,
            requested=requested,
            rule=rule,
            shortfall=shortfall,
        )

        spend_check_view.additional_properties = d
        return spend_check_view

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
