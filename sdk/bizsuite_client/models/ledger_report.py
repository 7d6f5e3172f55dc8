from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.direction import Direction, check_direction

if TYPE_CHECKING:
    from ..models.ledger_row import LedgerRow


T = TypeVar("T", bound="LedgerReport")


@_attrs_define
class LedgerReport:
    """
    Attributes:
        by (str):
        direction (Direction): Income contracts (收入合同) bring money in; expenditure contracts (支出合同) pay it out.
        formula (str):
        rows (list[LedgerRow]):
        total (LedgerRow):
    """

    by: str
    direction: Direction
    formula: str
    rows: list[LedgerRow]
    total: LedgerRow
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        by = self.by

        direction: str = self.direction

        formula = self.formula

        rows = []
        for rows_item_data in self.rows:
            rows_item = rows_item_data.to_dict()
            rows.append(rows_item)

        total = self.total.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "by": by,
                "direction": direction,
                "formula": formula,
                "rows": rows,
                "total": total,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.ledger_row import LedgerRow  # noqa: PLC0415

        d = dict(src_dict)
        by = d.pop("by")

        direction = check_direction(d.pop("direction"))

        formula = d.pop("formula")

        rows = []
        _rows = d.pop("rows")
        for rows_item_data in _rows:
            rows_item = LedgerRow.from_dict(rows_item_data)

            rows.append(rows_item)

        total = LedgerRow.from_dict(d.pop("total"))

        ledger_report = cls(
            by=by,
            direction=direction,
            formula=formula,
            rows=rows,
            total=total,
        )

        ledger_report.additional_properties = d
        return ledger_report

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
