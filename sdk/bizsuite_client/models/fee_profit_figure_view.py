from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="FeeProfitFigureView")


@_attrs_define
class FeeProfitFigureView:
    """
    Attributes:
        audited (None | str):
        audited_on (datetime.date | None):
        id (UUID):
        org_unit_id (UUID):
        org_unit_name (str):
        reported (str):
        version (int):
        year (int):
    """

    audited: None | str
    audited_on: datetime.date | None
    id: UUID
    org_unit_id: UUID
    org_unit_name: str
    reported: str
    version: int
    year: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        audited: None | str
        audited = self.audited

        audited_on: None | str
        if isinstance(self.audited_on, datetime.date):
            audited_on = self.audited_on.isoformat()
        else:
            audited_on = self.audited_on

        id = str(self.id)

        org_unit_id = str(self.org_unit_id)

        org_unit_name = self.org_unit_name

        reported = self.reported

        version = self.version

        year = self.year

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "audited": audited,
                "audited_on": audited_on,
                "id": id,
                "org_unit_id": org_unit_id,
                "org_unit_name": org_unit_name,
                "reported": reported,
                "version": version,
                "year": year,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_audited(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        audited = _parse_audited(d.pop("audited"))

        def _parse_audited_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                audited_on_type_0 = datetime.date.fromisoformat(data)

                return audited_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        audited_on = _parse_audited_on(d.pop("audited_on"))

        id = UUID(d.pop("id"))

        org_unit_id = UUID(d.pop("org_unit_id"))

        org_unit_name = d.pop("org_unit_name")

        reported = d.pop("reported")

        version = d.pop("version")

        year = d.pop("year")

        fee_profit_figure_view = cls(
            audited=audited,
            audited_on=audited_on,
            id=id,
            org_unit_id=org_unit_id,
            org_unit_name=org_unit_name,
            reported=reported,
            version=version,
            year=year,
        )

        fee_profit_figure_view.additional_properties = d
        return fee_profit_figure_view

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
