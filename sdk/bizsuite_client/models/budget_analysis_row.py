from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="BudgetAnalysisRow")


@_attrs_define
class BudgetAnalysisRow:
    """
    Attributes:
        actual (str):
        budget (str):
        committed (str):
        key (str):
        label (str):
        lines (int):
        over (bool):
        pending (str):
        used (str):
        used_pct (None | str):
        variance (str):
    """

    actual: str
    budget: str
    committed: str
    key: str
    label: str
    lines: int
    over: bool
    pending: str
    used: str
    used_pct: None | str
    variance: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        actual = self.actual

        budget = self.budget

        committed = self.committed

        key = self.key

        label = self.label

        lines = self.lines

        over = self.over

        pending = self.pending

        used = self.used

        used_pct: None | str
        used_pct = self.used_pct

        variance = self.variance

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "actual": actual,
                "budget": budget,
                "committed": committed,
                "key": key,
                "label": label,
                "lines": lines,
                "over": over,
                "pending": pending,
                "used": used,
                "used_pct": used_pct,
                "variance": variance,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        actual = d.pop("actual")

        budget = d.pop("budget")

        committed = d.pop("committed")

        key = d.pop("key")

        label = d.pop("label")

        lines = d.pop("lines")

        over = d.pop("over")

        pending = d.pop("pending")

        used = d.pop("used")

        def _parse_used_pct(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        used_pct = _parse_used_pct(d.pop("used_pct"))

        variance = d.pop("variance")

        budget_analysis_row = cls(
            actual=actual,
            budget=budget,
            committed=committed,
            key=key,
            label=label,
            lines=lines,
            over=over,
            pending=pending,
            used=used,
            used_pct=used_pct,
            variance=variance,
        )

        budget_analysis_row.additional_properties = d
        return budget_analysis_row

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
