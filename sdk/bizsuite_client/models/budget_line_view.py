from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.control_mode import ControlMode, check_control_mode
from ..models.line_method import LineMethod, check_line_method

T = TypeVar("T", bound="BudgetLineView")


@_attrs_define
class BudgetLineView:
    """
    Attributes:
        actual (str):
        amount (str):
        available (str):
        base (None | str):
        category_code (str):
        category_id (UUID):
        category_name (str):
        committed (str):
        compiled_amount (str):
        control_mode (ControlMode): How spending beyond a line's budget is treated (预算控制力度).
        explained_at (datetime.datetime | None):
        explanation (None | str):
        explanation_due (bool):
        formula (str):
        id (UUID):
        method (LineMethod): How a plan line's amount is compiled (编制方法).
        over (bool):
        pending (str):
        percent (None | str):
        period (str):
        plan_id (UUID):
        used_pct (None | str):
        version (int):
    """

    actual: str
    amount: str
    available: str
    base: None | str
    category_code: str
    category_id: UUID
    category_name: str
    committed: str
    compiled_amount: str
    control_mode: ControlMode
    explained_at: datetime.datetime | None
    explanation: None | str
    explanation_due: bool
    formula: str
    id: UUID
    method: LineMethod
    over: bool
    pending: str
    percent: None | str
    period: str
    plan_id: UUID
    used_pct: None | str
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        actual = self.actual

        amount = self.amount

        available = self.available

        base: None | str
        base = self.base

        category_code = self.category_code

        category_id = str(self.category_id)

        category_name = self.category_name

        committed = self.committed

        compiled_amount = self.compiled_amount

        control_mode: str = self.control_mode

        explained_at: None | str
        if isinstance(self.explained_at, datetime.datetime):
            explained_at = self.explained_at.isoformat()
        else:
            explained_at = self.explained_at

        explanation: None | str
        explanation = self.explanation

        explanation_due = self.explanation_due

        formula = self.formula

        id = str(self.id)

        method: str = self.method

        over = self.over

        pending = self.pending

        percent: None | str
        percent = self.percent

        period = self.period

        plan_id = str(self.plan_id)

        used_pct: None | str
        used_pct = self.used_pct

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "actual": actual,
                "amount": amount,
                "available": available,
                "base": base,
                "category_code": category_code,
                "category_id": category_id,
                "category_name": category_name,
                "committed": committed,
                "compiled_amount": compiled_amount,
                "control_mode": control_mode,
                "explained_at": explained_at,
                "explanation": explanation,
                "explanation_due": explanation_due,
                "formula": formula,
                "id": id,
                "method": method,
                "over": over,
                "pending": pending,
                "percent": percent,
                "period": period,
                "plan_id": plan_id,
                "used_pct": used_pct,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        actual = d.pop("actual")

        amount = d.pop("amount")

        available = d.pop("available")

        def _parse_base(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        base = _parse_base(d.pop("base"))

        category_code = d.pop("category_code")

        category_id = UUID(d.pop("category_id"))

        category_name = d.pop("category_name")

        committed = d.pop("committed")

        compiled_amount = d.pop("compiled_amount")

        control_mode = check_control_mode(d.pop("control_mode"))

        def _parse_explained_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                explained_at_type_0 = datetime.datetime.fromisoformat(data)

                return explained_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        explained_at = _parse_explained_at(d.pop("explained_at"))

        def _parse_explanation(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        explanation = _parse_explanation(d.pop("explanation"))

        explanation_due = d.pop("explanation_due")

        formula = d.pop("formula")

        id = UUID(d.pop("id"))

        method = check_line_method(d.pop("method"))

        over = d.pop("over")

        pending = d.pop("pending")

        def _parse_percent(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        percent = _parse_percent(d.pop("percent"))

        period = d.pop("period")

        plan_id = UUID(d.pop("plan_id"))

        def _parse_used_pct(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        used_pct = _parse_used_pct(d.pop("used_pct"))

        version = d.pop("version")

        budget_line_view = cls(
            actual=actual,
            amount=amount,
            available=available,
            base=base,
            category_code=category_code,
            category_id=category_id,
            category_name=category_name,
            committed=committed,
            compiled_amount=compiled_amount,
            control_mode=control_mode,
            explained_at=explained_at,
            explanation=explanation,
            explanation_due=explanation_due,
            formula=formula,
            id=id,
            method=method,
            over=over,
            pending=pending,
            percent=percent,
            period=period,
            plan_id=plan_id,
            used_pct=used_pct,
            version=version,
        )

        budget_line_view.additional_properties = d
        return budget_line_view

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
