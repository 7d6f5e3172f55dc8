from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.ageing_bucket import AgeingBucket


T = TypeVar("T", bound="AgeingReport")


@_attrs_define
class AgeingReport:
    """
    Attributes:
        as_of (datetime.date):
        buckets (list[AgeingBucket]):
        formula (str):
        not_yet_due (str):
        side (str):
        total (str):
    """

    as_of: datetime.date
    buckets: list[AgeingBucket]
    formula: str
    not_yet_due: str
    side: str
    total: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        as_of = self.as_of.isoformat()

        buckets = []
        for buckets_item_data in self.buckets:
            buckets_item = buckets_item_data.to_dict()
            buckets.append(buckets_item)

        formula = self.formula

        not_yet_due = self.not_yet_due

        side = self.side

        total = self.total

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "as_of": as_of,
                "buckets": buckets,
                "formula": formula,
                "not_yet_due": not_yet_due,
                "side": side,
                "total": total,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.ageing_bucket import AgeingBucket  # noqa: PLC0415

        d = dict(src_dict)
        as_of = datetime.date.fromisoformat(d.pop("as_of"))

        buckets = []
        _buckets = d.pop("buckets")
        for buckets_item_data in _buckets:
            buckets_item = AgeingBucket.from_dict(buckets_item_data)

            buckets.append(buckets_item)

        formula = d.pop("formula")

        not_yet_due = d.pop("not_yet_due")

        side = d.pop("side")

        total = d.pop("total")

        ageing_report = cls(
            as_of=as_of,
            buckets=buckets,
            formula=formula,
            not_yet_due=not_yet_due,
            side=side,
            total=total,
        )

        ageing_report.additional_properties = d
        return ageing_report

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
