from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.fee_collection_row import FeeCollectionRow
    from ..models.fee_report_row import FeeReportRow


T = TypeVar("T", bound="FeeReport")


@_attrs_define
class FeeReport:
    """
    Attributes:
        collection (list[FeeCollectionRow]):
        currency (str):
        last_year_billed (str):
        rows (list[FeeReportRow]):
        total_billed (str):
        total_collected (str):
        total_outstanding (str):
        year (int):
    """

    collection: list[FeeCollectionRow]
    currency: str
    last_year_billed: str
    rows: list[FeeReportRow]
    total_billed: str
    total_collected: str
    total_outstanding: str
    year: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        collection = []
        for collection_item_data in self.collection:
            collection_item = collection_item_data.to_dict()
            collection.append(collection_item)

        currency = self.currency

        last_year_billed = self.last_year_billed

        rows = []
        for rows_item_data in self.rows:
            rows_item = rows_item_data.to_dict()
            rows.append(rows_item)

        total_billed = self.total_billed

        total_collected = self.total_collected

        total_outstanding = self.total_outstanding

        year = self.year

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "collection": collection,
                "currency": currency,
                "last_year_billed": last_year_billed,
                "rows": rows,
                "total_billed": total_billed,
                "total_collected": total_collected,
                "total_outstanding": total_outstanding,
                "year": year,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.fee_collection_row import FeeCollectionRow  # noqa: PLC0415
        from ..models.fee_report_row import FeeReportRow  # noqa: PLC0415

        d = dict(src_dict)
        collection = []
        _collection = d.pop("collection")
        for collection_item_data in _collection:
            collection_item = FeeCollectionRow.from_dict(collection_item_data)

            collection.append(collection_item)

        currency = d.pop("currency")

        last_year_billed = d.pop("last_year_billed")

        rows = []
        _rows = d.pop("rows")
        for rows_item_data in _rows:
            rows_item = FeeReportRow.from_dict(rows_item_data)

            rows.append(rows_item)

        total_billed = d.pop("total_billed")

        total_collected = d.pop("total_collected")

        total_outstanding = d.pop("total_outstanding")

        year = d.pop("year")

        fee_report = cls(
            collection=collection,
            currency=currency,
            last_year_billed=last_year_billed,
            rows=rows,
            total_billed=total_billed,
            total_collected=total_collected,
            total_outstanding=total_outstanding,
            year=year,
        )

        fee_report.additional_properties = d
        return fee_report

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
