from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.position_category import PositionCategory, check_position_category

if TYPE_CHECKING:
    from ..models.holder_view import HolderView
    from ..models.position_ref import PositionRef
    from ..models.staffing_view import StaffingView


T = TypeVar("T", bound="PositionView")


@_attrs_define
class PositionView:
    """
    Attributes:
        can_fill (list[PositionRef]):
        category (PositionCategory): A position's category (职务类别).
        code (str):
        created_at (datetime.datetime):
        current_description_id (None | UUID):
        direct_reports (int):
        headcount (int):
        holders (list[HolderView]):
        id (UUID):
        lateral (list[PositionRef]):
        notes (None | str):
        org_unit_id (UUID):
        org_unit_name (str):
        pay_grade (None | str):
        pay_level (None | str):
        promoted_from (list[PositionRef]):
        promotes_to (list[PositionRef]):
        reports_to (None | PositionRef):
        reports_to_id (None | UUID):
        staffing (StaffingView):
        title (str):
        updated_at (datetime.datetime):
        version (int):
    """

    can_fill: list[PositionRef]
    category: PositionCategory
    code: str
    created_at: datetime.datetime
    current_description_id: None | UUID
    direct_reports: int
    headcount: int
    holders: list[HolderView]
    id: UUID
    lateral: list[PositionRef]
    notes: None | str
    org_unit_id: UUID
    org_unit_name: str
    pay_grade: None | str
    pay_level: None | str
    promoted_from: list[PositionRef]
    promotes_to: list[PositionRef]
    reports_to: None | PositionRef
    reports_to_id: None | UUID
    staffing: StaffingView
    title: str
    updated_at: datetime.datetime
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.position_ref import PositionRef  # noqa: PLC0415

        can_fill = []
        for can_fill_item_data in self.can_fill:
            can_fill_item = can_fill_item_data.to_dict()
            can_fill.append(can_fill_item)

        category: str = self.category

        code = self.code

        created_at = self.created_at.isoformat()

        current_description_id: None | str
        if isinstance(self.current_description_id, UUID):
            current_description_id = str(self.current_description_id)
        else:
            current_description_id = self.current_description_id

        direct_reports = self.direct_reports

        headcount = self.headcount

        holders = []
        for holders_item_data in self.holders:
            holders_item = holders_item_data.to_dict()
            holders.append(holders_item)

        id = str(self.id)

        lateral = []
        for lateral_item_data in self.lateral:
            lateral_item = lateral_item_data.to_dict()
            lateral.append(lateral_item)

        notes: None | str
        notes = self.notes

        org_unit_id = str(self.org_unit_id)

        org_unit_name = self.org_unit_name

        pay_grade: None | str
        pay_grade = self.pay_grade

        pay_level: None | str
        pay_level = self.pay_level

        promoted_from = []
        for promoted_from_item_data in self.promoted_from:
            promoted_from_item = promoted_from_item_data.to_dict()
            promoted_from.append(promoted_from_item)

        promotes_to = []
        for promotes_to_item_data in self.promotes_to:
            promotes_to_item = promotes_to_item_data.to_dict()
            promotes_to.append(promotes_to_item)

        reports_to: dict[str, Any] | None
        if isinstance(self.reports_to, PositionRef):
            reports_to = self.reports_to.to_dict()
        else:
            reports_to = self.reports_to

        reports_to_id: None | str
        if isinstance(self.reports_to_id, UUID):
            reports_to_id = str(self.reports_to_id)
        else:
            reports_to_id = self.reports_to_id

        staffing = self.staffing.to_dict()

        title = self.title

        updated_at = self.updated_at.isoformat()

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "can_fill": can_fill,
                "category": category,
                "code": code,
                "created_at": created_at,
                "current_description_id": current_description_id,
                "direct_reports": direct_reports,
                "headcount": headcount,
                "holders": holders,
                "id": id,
                "lateral": lateral,
                "notes": notes,
                "org_unit_id": org_unit_id,
                "org_unit_name": org_unit_name,
                "pay_grade": pay_grade,
                "pay_level": pay_level,
                "promoted_from": promoted_from,
                "promotes_to": promotes_to,
                "reports_to": reports_to,
                "reports_to_id": reports_to_id,
                "staffing": staffing,
                "title": title,
                "updated_at": updated_at,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.holder_view import HolderView  # noqa: PLC0415
        from ..models.position_ref import PositionRef  # noqa: PLC0415
        from ..models.staffing_view import StaffingView  # noqa: PLC0415

        d = dict(src_dict)
        can_fill = []
        _can_fill = d.pop("can_fill")
        for can_fill_item_data in _can_fill:
            can_fill_item = PositionRef.from_dict(can_fill_item_data)

            can_fill.append(can_fill_item)

        category = check_position_category(d.pop("category"))

        code = d.pop("code")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_current_description_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                current_description_id_type_0 = UUID(data)

                return current_description_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        current_description_id = _parse_current_description_id(d.pop("current_description_id"))

        direct_reports = d.pop("direct_reports")

        headcount = d.pop("headcount")

        holders = []
        _holders = d.pop("holders")
        for holders_item_data in _holders:
            holders_item = HolderView.from_dict(holders_item_data)

            holders.append(holders_item)

        id = UUID(d.pop("id"))

        lateral = []
        _lateral = d.pop("lateral")
        for lateral_item_data in _lateral:
            lateral_item = PositionRef.from_dict(lateral_item_data)

            lateral.append(lateral_item)

        def _parse_notes(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        notes = _parse_notes(d.pop("notes"))

        org_unit_id = UUID(d.pop("org_unit_id"))

        org_unit_name = d.pop("org_unit_name")

        def _parse_pay_grade(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        pay_grade = _parse_pay_grade(d.pop("pay_grade"))

        def _parse_pay_level(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        pay_level = _parse_pay_level(d.pop("pay_level"))

        promoted_from = []
        _promoted_from = d.pop("promoted_from")
        for promoted_from_item_data in _promoted_from:
            promoted_from_item = PositionRef.from_dict(promoted_from_item_data)

            promoted_from.append(promoted_from_item)

        promotes_to = []
        _promotes_to = d.pop("promotes_to")
        for promotes_to_item_data in _promotes_to:
            promotes_to_item = PositionRef.from_dict(promotes_to_item_data)

            promotes_to.append(promotes_to_item)

        def _parse_reports_to(data: object) -> None | PositionRef:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                reports_to_type_0 = PositionRef.from_dict(data)

                return reports_to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PositionRef, data)

        reports_to = _parse_reports_to(d.pop("reports_to"))

        def _parse_reports_to_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reports_to_id_type_0 = UUID(data)

                return reports_to_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        reports_to_id = _parse_reports_to_id(d.pop("reports_to_id"))

        staffing = StaffingView.from_dict(d.pop("staffing"))

        title = d.pop("title")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        position_view = cls(
            can_fill=can_fill,
            category=category,
            code=code,
            created_at=created_at,
            current_description_id=current_description_id,
            direct_reports=direct_reports,
            headcount=headcount,
            holders=holders,
            id=id,
            lateral=lateral,
            notes=notes,
            org_unit_id=org_unit_id,
            org_unit_name=org_unit_name,
            pay_grade=pay_grade,
            pay_level=pay_level,
            promoted_from=promoted_from,
            promotes_to=promotes_to,
            reports_to=reports_to,
            reports_to_id=reports_to_id,
            staffing=staffing,
            title=title,
            updated_at=updated_at,
            version=version,
        )

        position_view.additional_properties = d
        return position_view

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
