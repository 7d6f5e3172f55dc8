from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.component_kind import ComponentKind, check_component_kind

T = TypeVar("T", bound="FeeComponentView")


@_attrs_define
class FeeComponentView:
    """
    Attributes:
        band_high (None | str):
        band_low (None | str):
        id (UUID):
        kind (ComponentKind): The four kinds of fee a schedule is made of.
        label (str):
        metric_currency (str):
        per (str):
        position (int):
        quarters (list[int]):
        rate (None | str):
    """

    band_high: None | str
    band_low: None | str
    id: UUID
    kind: ComponentKind
    label: str
    metric_currency: str
    per: str
    position: int
    quarters: list[int]
    rate: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        band_high: None | str
        band_high = self.band_high

        band_low: None | str
        band_low = self.band_low

        id = str(self.id)

        kind: str = self.kind

        label = self.label

        metric_currency = self.metric_currency

        per = self.per

        position = self.position

        quarters = self.quarters

        rate: None | str
        rate = self.rate

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "band_high": band_high,
                "band_low": band_low,
                "id": id,
                "kind": kind,
                "label": label,
                "metric_currency": metric_currency,
                "per": per,
                "position": position,
                "quarters": quarters,
                "rate": rate,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_band_high(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        band_high = _parse_band_high(d.pop("band_high"))

        def _parse_band_low(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        band_low = _parse_band_low(d.pop("band_low"))

        id = UUID(d.pop("id"))

        kind = check_component_kind(d.pop("kind"))

        label = d.pop("label")

        metric_currency = d.pop("metric_currency")

        per = d.pop("per")

        position = d.pop("position")

        quarters = cast(list[int], d.pop("quarters"))

        def _parse_rate(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        rate = _parse_rate(d.pop("rate"))

        fee_component_view = cls(
            band_high=band_high,
            band_low=band_low,
            id=id,
            kind=kind,
            label=label,
            metric_currency=metric_currency,
            per=per,
            position=position,
            quarters=quarters,
            rate=rate,
        )

        fee_component_view.additional_properties = d
        return fee_component_view

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
