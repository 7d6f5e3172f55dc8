from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.budget_expense_view import BudgetExpenseView
    from ..models.budget_line_change_view import BudgetLineChangeView
    from ..models.budget_line_view import BudgetLineView
    from ..models.budget_plan_view import BudgetPlanView


T = TypeVar("T", bound="BudgetLineDetail")


@_attrs_define
class BudgetLineDetail:
    """
    Attributes:
        expenses (list[BudgetExpenseView]):
        history (list[BudgetLineChangeView]):
        line (BudgetLineView):
        plan (BudgetPlanView):
    """

    expenses: list[BudgetExpenseView]
    history: list[BudgetLineChangeView]
    line: BudgetLineView
    plan: BudgetPlanView
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        expenses = []
        for expenses_item_data in self.expenses:
            expenses_item = expenses_item_data.to_dict()
            expenses.append(expenses_item)

        history = []
        for history_item_data in self.history:
            history_item = history_item_data.to_dict()
            history.append(history_item)

        line = self.line.to_dict()

        plan = self.plan.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "expenses": expenses,
                "history": history,
                "line": line,
                "plan": plan,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.budget_expense_view import BudgetExpenseView  # noqa: PLC0415
        from ..models.budget_line_change_view import BudgetLineChangeView  # noqa: PLC0415
        from ..models.budget_line_view import BudgetLineView  # noqa: PLC0415
        from ..models.budget_plan_view import BudgetPlanView  # noqa: PLC0415

        d = dict(src_dict)
        expenses = []
        _expenses = d.pop("expenses")
        for expenses_item_data in _expenses:
            expenses_item = BudgetExpenseView.from_dict(expenses_item_data)

            expenses.append(expenses_item)

        history = []
        _history = d.pop("history")
        for history_item_data in _history:
            history_item = BudgetLineChangeView.from_dict(history_item_data)

            history.append(history_item)

        line = BudgetLineView.from_dict(d.pop("line"))

        plan = BudgetPlanView.from_dict(d.pop("plan"))

        budget_line_detail = cls(
            expenses=expenses,
            history=history,
            line=line,
            plan=plan,
        )

        budget_line_detail.additional_properties = d
        return budget_line_detail

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
