from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="DashboardSlaAttainment")


@_attrs_define
class DashboardSlaAttainment:
    """
    Attributes:
        attainment_percent (None | str):
        breached (int):
        id (None | UUID):
        met (int):
        name (None | str):
    """

    attainment_percent: None | str
    breached: int
    id: None | UUID
    met: int
    name: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        attainment_percent: None | str
        attainment_percent = self.attainment_percent

        breached = self.breached

        id: None | str
        if isinstance(self.id, UUID):
            id = str(self.id)
        else:
            id = self.id

        met = self.met

        name: None | str
        name = self.name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "attainment_percent": attainment_percent,
                "breached": breached,
                "id": id,
                "met": met,
                "name": name,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_attainment_percent(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        attainment_percent = _parse_attainment_percent(d.pop("attainment_percent"))

        breached = d.pop("breached")

        def _parse_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                id_type_0 = UUID(data)

                return id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        id = _parse_id(d.pop("id"))

        met = d.pop("met")

        def _parse_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        name = _parse_name(d.pop("name"))

        dashboard_sla_attainment = cls(
            attainment_percent=attainment_percent,
            breached=breached,
            id=id,
            met=met,
            name=name,
        )

        dashboard_sla_attainment.additional_properties = d
        return dashboard_sla_attainment

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
