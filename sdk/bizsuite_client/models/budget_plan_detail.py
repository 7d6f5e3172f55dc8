from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.budget_line_view import BudgetLineView
    from ..models.budget_plan_version_view import BudgetPlanVersionView
    from ..models.budget_plan_view import BudgetPlanView


T = TypeVar("T", bound="BudgetPlanDetail")


@_attrs_define
class BudgetPlanDetail:
    """
    Attributes:
        formula (str):
        lines (list[BudgetLineView]):
        plan (BudgetPlanView):
        versions (list[BudgetPlanVersionView]):
    """

    formula: str
    lines: list[BudgetLineView]
    plan: BudgetPlanView
    versions: list[BudgetPlanVersionView]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        formula = self.formula

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        plan = self.plan.to_dict()

        versions = []
        for versions_item_data in self.versions:
            versions_item = versions_item_data.to_dict()
            versions.append(versions_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "formula": formula,
                "lines": lines,
                "plan": plan,
                "versions": versions,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.budget_line_view import BudgetLineView  # noqa: PLC0415
        from ..models.budget_plan_version_view import BudgetPlanVersionView  # noqa: PLC0415
        from ..models.budget_plan_view import BudgetPlanView  # noqa: PLC0415

        d = dict(src_dict)
        formula = d.pop("formula")

        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = BudgetLineView.from_dict(lines_item_data)

            lines.append(lines_item)

        plan = BudgetPlanView.from_dict(d.pop("plan"))

        versions = []
        _versions = d.pop("versions")
        for versions_item_data in _versions:
            versions_item = BudgetPlanVersionView.from_dict(versions_item_data)

            versions.append(versions_item)

        budget_plan_detail = cls(
            formula=formula,
            lines=lines,
            plan=plan,
            versions=versions,
        )

        budget_plan_detail.additional_properties = d
        return budget_plan_detail

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
