from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PipelineForecastMonth")


@_attrs_define
class PipelineForecastMonth:
    """
    Attributes:
        month (datetime.date):
        open_amount (str):
        weighted_amount (str):
        won_amount (str):
    """

    month: datetime.date
    open_amount: str
    weighted_amount: str
    won_amount: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        month = self.month.isoformat()

        open_amount = self.open_amount

        weighted_amount = self.weighted_amount

        won_amount = self.won_amount

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "month": month,
                "open_amount": open_amount,
                "weighted_amount": weighted_amount,
                "won_amount": won_amount,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        month = datetime.date.fromisoformat(d.pop("month"))

        open_amount = d.pop("open_amount")

        weighted_amount = d.pop("weighted_amount")

        won_amount = d.pop("won_amount")

        pipeline_forecast_month = cls(
            month=month,
            open_amount=open_amount,
            weighted_amount=weighted_amount,
            won_amount=won_amount,
        )

        pipeline_forecast_month.additional_properties = d
        return pipeline_forecast_month

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
