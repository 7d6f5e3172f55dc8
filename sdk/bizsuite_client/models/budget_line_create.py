from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.line_method import LineMethod, check_line_method
from ..types import UNSET, Unset

T = TypeVar("T", bound="BudgetLineCreate")


@_attrs_define
class BudgetLineCreate:
    """
    Attributes:
        category_id (UUID):
        period (str): A month (2027-01), a quarter (2027-Q1) or a year (2027).
        amount (None | str | Unset):
        base (None | str | Unset):
        method (LineMethod | Unset): How a plan line's amount is compiled (编制方法).
        percent (None | str | Unset):
    """

    category_id: UUID
    period: str
    amount: None | str | Unset = UNSET
    base: None | str | Unset = UNSET
    method: LineMethod | Unset = UNSET
    percent: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        category_id = str(self.category_id)

        period = self.period

        amount: None | str | Unset
        if isinstance(self.amount, Unset):
            amount = UNSET
        else:
            amount = self.amount

        base: None | str | Unset
        if isinstance(self.base, Unset):
            base = UNSET
        else:
            base = self.base

        method: str | Unset = UNSET
        if not isinstance(self.method, Unset):
            method = self.method

        percent: None | str | Unset
        if isinstance(self.percent, Unset):
            percent = UNSET
        else:
            percent = self.percent

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "category_id": category_id,
                "period": period,
            }
        )
        if amount is not UNSET:
            field_dict["amount"] = amount
        if base is not UNSET:
            field_dict["base"] = base
        if method is not UNSET:
            field_dict["method"] = method
        if percent is not UNSET:
            field_dict["percent"] = percent

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        category_id = UUID(d.pop("category_id"))

        period = d.pop("period")

        def _parse_amount(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        amount = _parse_amount(d.pop("amount", UNSET))

        def _parse_base(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        base = _parse_base(d.pop("base", UNSET))

        _method = d.pop("method", UNSET)
        method: LineMethod | Unset
        if isinstance(_method, Unset):
            method = UNSET
        else:
            method = check_line_method(_method)

        def _parse_percent(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        percent = _parse_percent(d.pop("percent", UNSET))

        budget_line_create = cls(
            category_id=category_id,
            period=period,
            amount=amount,
            base=base,
            method=method,
            percent=percent,
        )

        budget_line_create.additional_properties = d
        return budget_line_create

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
