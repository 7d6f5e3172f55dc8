from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.fee_line_view import FeeLineView
    from ..models.fee_payment_view import FeePaymentView
    from ..models.fee_statement_view import FeeStatementView


T = TypeVar("T", bound="FeeStatementDetail")


@_attrs_define
class FeeStatementDetail:
    """
    Attributes:
        lines (list[FeeLineView]):
        payments (list[FeePaymentView]):
        statement (FeeStatementView):
        total_formula (str):
    """

    lines: list[FeeLineView]
    payments: list[FeePaymentView]
    statement: FeeStatementView
    total_formula: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        payments = []
        for payments_item_data in self.payments:
            payments_item = payments_item_data.to_dict()
            payments.append(payments_item)

        statement = self.statement.to_dict()

        total_formula = self.total_formula

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "lines": lines,
                "payments": payments,
                "statement": statement,
                "total_formula": total_formula,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.fee_line_view import FeeLineView  # noqa: PLC0415
        from ..models.fee_payment_view import FeePaymentView  # noqa: PLC0415
        from ..models.fee_statement_view import FeeStatementView  # noqa: PLC0415

        d = dict(src_dict)
        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = FeeLineView.from_dict(lines_item_data)

            lines.append(lines_item)

        payments = []
        _payments = d.pop("payments")
        for payments_item_data in _payments:
            payments_item = FeePaymentView.from_dict(payments_item_data)

            payments.append(payments_item)

        statement = FeeStatementView.from_dict(d.pop("statement"))

        total_formula = d.pop("total_formula")

        fee_statement_detail = cls(
            lines=lines,
            payments=payments,
            statement=statement,
            total_formula=total_formula,
        )

        fee_statement_detail.additional_properties = d
        return fee_statement_detail

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
