from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.staffing_view import StaffingView


T = TypeVar("T", bound="OrgChartNode")


@_attrs_define
class OrgChartNode:
    """
    Attributes:
        code (str):
        depth (int):
        holders (list[str]):
        id (UUID):
        org_unit_name (str):
        parent_id (None | UUID):
        staffing (StaffingView):
        title (str):
    """

    code: str
    depth: int
    holders: list[str]
    id: UUID
    org_unit_name: str
    parent_id: None | UUID
    staffing: StaffingView
    title: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        depth = self.depth

        holders = self.holders

        id = str(self.id)

        org_unit_name = self.org_unit_name

        parent_id: None | str
        if isinstance(self.parent_id, UUID):
            parent_id = str(self.parent_id)
        else:
            parent_id = self.parent_id

        staffing = self.staffing.to_dict()

        title = self.title

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "depth": depth,
                "holders": holders,
                "id": id,
                "org_unit_name": org_unit_name,
                "parent_id": parent_id,
                "staffing": staffing,
                "title": title,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.staffing_view import StaffingView  # noqa: PLC0415

        d = dict(src_dict)
        code = d.pop("code")

        depth = d.pop("depth")

        holders = cast(list[str], d.pop("holders"))

        id = UUID(d.pop("id"))

        org_unit_name = d.pop("org_unit_name")

        def _parse_parent_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                parent_id_type_0 = UUID(data)

                return parent_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        parent_id = _parse_parent_id(d.pop("parent_id"))

        staffing = StaffingView.from_dict(d.pop("staffing"))

        title = d.pop("title")

        org_chart_node = cls(
            code=code,
            depth=depth,
            holders=holders,
            id=id,
            org_unit_name=org_unit_name,
            parent_id=parent_id,
            staffing=staffing,
            title=title,
        )

        org_chart_node.additional_properties = d
        return org_chart_node

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
