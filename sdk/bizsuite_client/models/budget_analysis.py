from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.budget_analysis_row import BudgetAnalysisRow


T = TypeVar("T", bound="BudgetAnalysis")


@_attrs_define
class BudgetAnalysis:
    """
    Attributes:
        fiscal_year (int):
        formula (str):
        group_by (str):
        rows (list[BudgetAnalysisRow]):
        total (BudgetAnalysisRow):
    """

    fiscal_year: int
    formula: str
    group_by: str
    rows: list[BudgetAnalysisRow]
    total: BudgetAnalysisRow
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        fiscal_year = self.fiscal_year

        formula = self.formula

        group_by = self.group_by

        rows = []
        for rows_item_data in self.rows:
            rows_item = rows_item_data.to_dict()
            rows.append(rows_item)

        total = self.total.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "fiscal_year": fiscal_year,
                "formula": formula,
                "group_by": group_by,
                "rows": rows,
                "total": total,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.budget_analysis_row import BudgetAnalysisRow  # noqa: PLC0415

        d = dict(src_dict)
        fiscal_year = d.pop("fiscal_year")

        formula = d.pop("formula")

        group_by = d.pop("group_by")

        rows = []
        _rows = d.pop("rows")
        for rows_item_data in _rows:
            rows_item = BudgetAnalysisRow.from_dict(rows_item_data)

            rows.append(rows_item)

        total = BudgetAnalysisRow.from_dict(d.pop("total"))

        budget_analysis = cls(
            fiscal_year=fiscal_year,
            formula=formula,
            group_by=group_by,
            rows=rows,
            total=total,
        )

        budget_analysis.additional_properties = d
        return budget_analysis

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
