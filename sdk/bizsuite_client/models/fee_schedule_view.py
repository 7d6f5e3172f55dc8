from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.fee_component_view import FeeComponentView


T = TypeVar("T", bound="FeeScheduleView")


@_attrs_define
class FeeScheduleView:
    """
    Attributes:
        components (list[FeeComponentView]):
        created_at (datetime.datetime):
        currency (str):
        cutoff_day (int):
        cutoff_month (int):
        effective_from (datetime.date):
        id (UUID):
        name (str):
        notes (None | str):
        version (int):
        statements (int | Unset):  Default: 0.
    """

    components: list[FeeComponentView]
    created_at: datetime.datetime
    currency: str
    cutoff_day: int
    cutoff_month: int
    effective_from: datetime.date
    id: UUID
    name: str
    notes: None | str
    version: int
    statements: int | Unset = 0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        components = []
        for components_item_data in self.components:
            components_item = components_item_data.to_dict()
            components.append(components_item)

        created_at = self.created_at.isoformat()

        currency = self.currency

        cutoff_day = self.cutoff_day

        cutoff_month = self.cutoff_month

        effective_from = self.effective_from.isoformat()

        id = str(self.id)

        name = self.name

        notes: None | str
        notes = self.notes

        version = self.version

        statements = self.statements

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "components": components,
                "created_at": created_at,
                "currency": currency,
                "cutoff_day": cutoff_day,
                "cutoff_month": cutoff_month,
                "effective_from": effective_from,
                "id": id,
                "name": name,
                "notes": notes,
                "version": version,
            }
        )
        if statements is not UNSET:
            field_dict["statements"] = statements

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.fee_component_view import FeeComponentView  # noqa: PLC0415

        d = dict(src_dict)
        components = []
        _components = d.pop("components")
        for components_item_data in _components:
            components_item = FeeComponentView.from_dict(components_item_data)

            components.append(components_item)

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        currency = d.pop("currency")

        cutoff_day = d.pop("cutoff_day")

        cutoff_month = d.pop("cutoff_month")

        effective_from = datetime.date.fromisoformat(d.pop("effective_from"))

        id = UUID(d.pop("id"))

        name = d.pop("name")

        def _parse_notes(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        notes = _parse_notes(d.pop("notes"))

        version = d.pop("version")

        statements = d.pop("statements", UNSET)

        fee_schedule_view = cls(
            components=components,
            created_at=created_at,
            currency=currency,
            cutoff_day=cutoff_day,
            cutoff_month=cutoff_month,
            effective_from=effective_from,
            id=id,
            name=name,
            notes=notes,
            version=version,
            statements=statements,
        )

        fee_schedule_view.additional_properties = d
        return fee_schedule_view

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
