from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="FeeFigures")


@_attrs_define
class FeeFigures:
    """
    Attributes:
        customs_records (int):
        customs_total (str):
        period_from (datetime.date):
        period_to (datetime.date):
        annual_customs_records (int | None | Unset):
        annual_customs_total (None | str | Unset):
    """

    customs_records: int
    customs_total: str
    period_from: datetime.date
    period_to: datetime.date
    annual_customs_records: int | None | Unset = UNSET
    annual_customs_total: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        customs_records = self.customs_records

        customs_total = self.customs_total

        period_from = self.period_from.isoformat()

        period_to = self.period_to.isoformat()

        annual_customs_records: int | None | Unset
        if isinstance(self.annual_customs_records, Unset):
            annual_customs_records = UNSET
        else:
            annual_customs_records = self.annual_customs_records

        annual_customs_total: None | str | Unset
        if isinstance(self.annual_customs_total, Unset):
            annual_customs_total = UNSET
        else:
            annual_customs_total = self.annual_customs_total

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "customs_records": customs_records,
                "customs_total": customs_total,
                "period_from": period_from,
                "period_to": period_to,
            }
        )
        if annual_customs_records is not UNSET:
            field_dict["annual_customs_records"] = annual_customs_records
        if annual_customs_total is not UNSET:
            field_dict["annual_customs_total"] = annual_customs_total

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        customs_records = d.pop("customs_records")

        customs_total = d.pop("customs_total")

        period_from = datetime.date.fromisoformat(d.pop("period_from"))

        period_to = datetime.date.fromisoformat(d.pop("period_to"))

        def _parse_annual_customs_records(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        annual_customs_records = _parse_annual_customs_records(d.pop("annual_customs_records", UNSET))

        def _parse_annual_customs_total(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        annual_customs_total = _parse_annual_customs_total(d.pop("annual_customs_total", UNSET))

        fee_figures = cls(
            customs_records=customs_records,
            customs_total=customs_total,
            period_from=period_from,
            period_to=period_to,
            annual_customs_records=annual_customs_records,
            annual_customs_total=annual_customs_total,
        )

        fee_figures.additional_properties = d
        return fee_figures

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
