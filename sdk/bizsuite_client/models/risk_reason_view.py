from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.risk_link import RiskLink


T = TypeVar("T", bound="RiskReasonView")


@_attrs_define
class RiskReasonView:
    """
    Attributes:
        code (str):
        explanation (str):
        figure (str):
        links (list[RiskLink]):
        weight (int):
    """

    code: str
    explanation: str
    figure: str
    links: list[RiskLink]
    weight: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        explanation = self.explanation

        figure = self.figure

        links = []
        for links_item_data in self.links:
            links_item = links_item_data.to_dict()
            links.append(links_item)

        weight = self.weight

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "explanation": explanation,
                "figure": figure,
                "links": links,
                "weight": weight,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.risk_link import RiskLink  # noqa: PLC0415

        d = dict(src_dict)
        code = d.pop("code")

        explanation = d.pop("explanation")

        figure = d.pop("figure")

        links = []
        _links = d.pop("links")
        for links_item_data in _links:
            links_item = RiskLink.from_dict(links_item_data)

            links.append(links_item)

        weight = d.pop("weight")

        risk_reason_view = cls(
            code=code,
            explanation=explanation,
            figure=figure,
            links=links,
            weight=weight,
        )

        risk_reason_view.additional_properties = d
        return risk_reason_view

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
