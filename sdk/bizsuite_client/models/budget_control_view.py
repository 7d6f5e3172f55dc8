from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.check_scope import CheckScope, check_check_scope
from ..models.control_mode import ControlMode, check_control_mode

T = TypeVar("T", bound="BudgetControlView")


@_attrs_define
class BudgetControlView:
    """
    Attributes:
        actual (str):
        available (str):
        basis (str):
        budget (str):
        committed (str):
        formula (str):
        mode (ControlMode): How spending beyond a line's budget is treated (预算控制力度).
        outcome (str):
        requested (str):
        scope (CheckScope): Which budget a spend is checked against: its period's, the year so far, or both.
        shortfall (str):
    """

    actual: str
    available: str
    basis: str
    budget: str
    committed: str
    formula: str
    mode: ControlMode
    outcome: str
    requested: str
    scope: CheckScope
    shortfall: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        actual = self.actual

        available = self.available

        basis = self.basis

        budget = self.budget

        committed = self.committed

        formula = self.formula

        mode: str = self.mode

        outcome = self.outcome

        requested = self.requested

        scope: str = self.scope

        shortfall = self.shortfall

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "actual": actual,
                "available": available,
                "basis": basis,
                "budget": budget,
                "committed": committed,
                "formula": formula,
                "mode": mode,
                "outcome": outcome,
                "requested": requested,
                "scope": scope,
                "shortfall": shortfall,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        actual = d.pop("actual")

        available = d.pop("available")

        basis = d.pop("basis")

        budget = d.pop("budget")

        committed = d.pop("committed")

        formula = d.pop("formula")

        mode = check_control_mode(d.pop("mode"))

        outcome = d.pop("outcome")

        requested = d.pop("requested")

        scope = check_check_scope(d.pop("scope"))

        shortfall = d.pop("shortfall")

        budget_control_view = cls(
            actual=actual,
            available=available,
            basis=basis,
            budget=budget,
            committed=committed,
            formula=formula,
            mode=mode,
            outcome=outcome,
            requested=requested,
            scope=scope,
            shortfall=shortfall,
        )

        budget_control_view.additional_properties = d
        return budget_control_view

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
