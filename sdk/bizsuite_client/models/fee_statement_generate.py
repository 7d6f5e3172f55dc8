from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="FeeStatementGenerate")


@_attrs_define
class FeeStatementGenerate:
    """
    Attributes:
        org_unit_id (UUID):
        quarter (int):
        year (int):
        settlement_rate (None | str | Unset): A decimal string, at most 6 decimals.
    """

    org_unit_id: UUID
    quarter: int
    year: int
    settlement_rate: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        org_unit_id = str(self.org_unit_id)

        quarter = self.quarter

        year = self.year

        settlement_rate: None | str | Unset
        if isinstance(self.settlement_rate, Unset):
            settlement_rate = UNSET
        else:
            settlement_rate = self.settlement_rate

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "org_unit_id": org_unit_id,
                "quarter": quarter,
                "year": year,
            }
        )
        if settlement_rate is not UNSET:
            field_dict["settlement_rate"] = settlement_rate

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        org_unit_id = UUID(d.pop("org_unit_id"))

        quarter = d.pop("quarter")

        year = d.pop("year")

        def _parse_settlement_rate(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        settlement_rate = _parse_settlement_rate(d.pop("settlement_rate", UNSET))

        fee_statement_generate = cls(
            org_unit_id=org_unit_id,
            quarter=quarter,
            year=year,
            settlement_rate=settlement_rate,
        )

        fee_statement_generate.additional_properties = d
        return fee_statement_generate

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
