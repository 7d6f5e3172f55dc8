from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.fee_component_create import FeeComponentCreate


T = TypeVar("T", bound="FeeScheduleUpdate")


@_attrs_define
class FeeScheduleUpdate:
    """
    Attributes:
        components (list[FeeComponentCreate]):
        effective_from (datetime.date):
        name (str):
        currency (str | Unset): ISO 4217 code, e.g. `CNY`. Default: 'CNY'.
        cutoff_day (int | Unset):  Default: 20.
        cutoff_month (int | Unset):  Default: 12.
        notes (None | str | Unset):
    """

    components: list[FeeComponentCreate]
    effective_from: datetime.date
    name: str
    currency: str | Unset = "CNY"
    cutoff_day: int | Unset = 20
    cutoff_month: int | Unset = 12
    notes: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        components = []
        for components_item_data in self.components:
            components_item = components_item_data.to_dict()
            components.append(components_item)

        effective_from = self.effective_from.isoformat()

        name = self.name

        currency = self.currency

        cutoff_day = self.cutoff_day

        cutoff_month = self.cutoff_month

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "components": components,
                "effective_from": effective_from,
                "name": name,
            }
        )
        if currency is not UNSET:
            field_dict["currency"] = currency
        if cutoff_day is not UNSET:
            field_dict["cutoff_day"] = cutoff_day
        if cutoff_month is not UNSET:
            field_dict["cutoff_month"] = cutoff_month
        if notes is not UNSET:
            field_dict["notes"] = notes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.fee_component_create import FeeComponentCreate  # noqa: PLC0415

        d = dict(src_dict)
        components = []
        _components = d.pop("components")
        for components_item_data in _components:
            components_item = FeeComponentCreate.from_dict(components_item_data)

            components.append(components_item)

        effective_from = datetime.date.fromisoformat(d.pop("effective_from"))

        name = d.pop("name")

        currency = d.pop("currency", UNSET)

        cutoff_day = d.pop("cutoff_day", UNSET)

        cutoff_month = d.pop("cutoff_month", UNSET)

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        fee_schedule_update = cls(
            components=components,
            effective_from=effective_from,
            name=name,
            currency=currency,
            cutoff_day=cutoff_day,
            cutoff_month=cutoff_month,
            notes=notes,
        )

        fee_schedule_update.additional_properties = d
        return fee_schedule_update

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
