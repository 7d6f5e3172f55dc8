from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.org_chart_node import OrgChartNode
    from ..models.staffing_view import StaffingView


T = TypeVar("T", bound="OrgChart")


@_attrs_define
class OrgChart:
    """
    Attributes:
        nodes (list[OrgChartNode]):
        total (StaffingView):
    """

    nodes: list[OrgChartNode]
    total: StaffingView
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        nodes = []
        for nodes_item_data in self.nodes:
            nodes_item = nodes_item_data.to_dict()
            nodes.append(nodes_item)

        total = self.total.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "nodes": nodes,
                "total": total,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.org_chart_node import OrgChartNode  # noqa: PLC0415
        from ..models.staffing_view import StaffingView  # noqa: PLC0415

        d = dict(src_dict)
        nodes = []
        _nodes = d.pop("nodes")
        for nodes_item_data in _nodes:
            nodes_item = OrgChartNode.from_dict(nodes_item_data)

            nodes.append(nodes_item)

        total = StaffingView.from_dict(d.pop("total"))

        org_chart = cls(
            nodes=nodes,
            total=total,
        )

        org_chart.additional_properties = d
        return org_chart

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
