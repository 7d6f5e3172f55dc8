from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.fee_collection_row_ageing import FeeCollectionRowAgeing


T = TypeVar("T", bound="FeeCollectionRow")


@_attrs_define
class FeeCollectionRow:
    """
    Attributes:
        ageing (FeeCollectionRowAgeing):
        billed (str):
        collected (str):
        last_year_billed (str):
        org_unit_id (UUID):
        org_unit_name (str):
        outstanding (str):
    """

    ageing: FeeCollectionRowAgeing
    billed: str
    collected: str
    last_year_billed: str
    org_unit_id: UUID
    org_unit_name: str
    outstanding: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        ageing = self.ageing.to_dict()

        billed = self.billed

        collected = self.collected

        last_year_billed = self.last_year_billed

        org_unit_id = str(self.org_unit_id)

        org_unit_name = self.org_unit_name

        outstanding = self.outstanding

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "ageing": ageing,
                "billed": billed,
                "collected": collected,
                "last_year_billed": last_year_billed,
                "org_unit_id": org_unit_id,
                "org_unit_name": org_unit_name,
                "outstanding": outstanding,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.fee_collection_row_ageing import FeeCollectionRowAgeing  # noqa: PLC0415

        d = dict(src_dict)
        ageing = FeeCollectionRowAgeing.from_dict(d.pop("ageing"))

        billed = d.pop("billed")

        collected = d.pop("collected")

        last_year_billed = d.pop("last_year_billed")

        org_unit_id = UUID(d.pop("org_unit_id"))

        org_unit_name = d.pop("org_unit_name")

        outstanding = d.pop("outstanding")

        fee_collection_row = cls(
            ageing=ageing,
            billed=billed,
            collected=collected,
            last_year_billed=last_year_billed,
            org_unit_id=org_unit_id,
            org_unit_name=org_unit_name,
            outstanding=outstanding,
        )

        fee_collection_row.additional_properties = d
        return fee_collection_row

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
