from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.budget_plan_version_line import BudgetPlanVersionLine


T = TypeVar("T", bound="BudgetPlanVersionView")


@_attrs_define
class BudgetPlanVersionView:
    """
    Attributes:
        created_at (datetime.datetime):
        lines (list[BudgetPlanVersionLine]):
        reason (str):
        revision (int):
        total (str):
    """

    created_at: datetime.datetime
    lines: list[BudgetPlanVersionLine]
    reason: str
    revision: int
    total: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        reason = self.reason

        revision = self.revision

        total = self.total

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "lines": lines,
                "reason": reason,
                "revision": revision,
                "total": total,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.budget_plan_version_line import BudgetPlanVersionLine  # noqa: PLC0415

        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = BudgetPlanVersionLine.from_dict(lines_item_data)

            lines.append(lines_item)

        reason = d.pop("reason")

        revision = d.pop("revision")

        total = d.pop("total")

        budget_plan_version_view = cls(
            created_at=created_at,
            lines=lines,
            reason=reason,
            revision=revision,
            total=total,
        )

        budget_plan_version_view.additional_properties = d
        return budget_plan_version_view

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
