from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.direction import Direction, check_direction

T = TypeVar("T", bound="DirectionTotals")


@_attrs_define
class DirectionTotals:
    """
    Attributes:
        contracts (int):
        direction (Direction): Income contracts (收入合同) bring money in; expenditure contracts (支出合同) pay it out.
        outstanding (str):
        overdue (str):
        settled (str):
        signed_value (str):
    """

    contracts: int
    direction: Direction
    outstanding: str
    overdue: str
    settled: str
    signed_value: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        contracts = self.contracts

        direction: str = self.direction

        outstanding = self.outstanding

        overdue = self.overdue

        settled = self.settled

        signed_value = self.signed_value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "contracts": contracts,
                "direction": direction,
                "outstanding": outstanding,
                "overdue": overdue,
                "settled": settled,
                "signed_value": signed_value,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        contracts = d.pop("contracts")

        direction = check_direction(d.pop("direction"))

        outstanding = d.pop("outstanding")

        overdue = d.pop("overdue")

        settled = d.pop("settled")

        signed_value = d.pop("signed_value")

        direction_totals = cls(
            contracts=contracts,
            direction=direction,
            outstanding=outstanding,
            overdue=overdue,
            settled=settled,
            signed_value=signed_value,
        )

        direction_totals.additional_properties = d
        return direction_totals

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
