from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.position_category import PositionCategory, check_position_category
from ..types import UNSET, Unset

T = TypeVar("T", bound="PositionUpdate")


@_attrs_define
class PositionUpdate:
    """
    Attributes:
        category (PositionCategory | Unset): A position's category (职务类别).
        code (str | Unset):
        headcount (int | Unset): 定员: how many people the position has.
        notes (None | str | Unset):
        org_unit_id (Unset | UUID):
        pay_grade (None | str | Unset):
        pay_level (None | str | Unset):
        reports_to_id (None | Unset | UUID):
        title (str | Unset):
    """

    category: PositionCategory | Unset = UNSET
    code: str | Unset = UNSET
    headcount: int | Unset = UNSET
    notes: None | str | Unset = UNSET
    org_unit_id: Unset | UUID = UNSET
    pay_grade: None | str | Unset = UNSET
    pay_level: None | str | Unset = UNSET
    reports_to_id: None | Unset | UUID = UNSET
    title: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        category: str | Unset = UNSET
        if not isinstance(self.category, Unset):
            category = self.category

        code: str | Unset
        if isinstance(self.code, Unset):
            code = UNSET
        else:
            code = self.code

        headcount: int | Unset
        if isinstance(self.headcount, Unset):
            headcount = UNSET
        else:
            headcount = self.headcount

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        org_unit_id: str | Unset
        if isinstance(self.org_unit_id, Unset):
            org_unit_id = UNSET
        else:
            org_unit_id = str(self.org_unit_id)

        pay_grade: None | str | Unset
        if isinstance(self.pay_grade, Unset):
            pay_grade = UNSET
        else:
            pay_grade = self.pay_grade

        pay_level: None | str | Unset
        if isinstance(self.pay_level, Unset):
            pay_level = UNSET
        else:
            pay_level = self.pay_level

        reports_to_id: None | str | Unset
        if isinstance(self.reports_to_id, Unset):
            reports_to_id = UNSET
        elif isinstance(self.reports_to_id, UUID):
            reports_to_id = str(self.reports_to_id)
        else:
            reports_to_id = self.reports_to_id

        title: str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if category is not UNSET:
            field_dict["category"] = category
        if code is not UNSET:
            field_dict["code"] = code
        if headcount is not UNSET:
            field_dict["headcount"] = headcount
        if notes is not UNSET:
            field_dict["notes"] = notes
        if org_unit_id is not UNSET:
            field_dict["org_unit_id"] = org_unit_id
        if pay_grade is not UNSET:
            field_dict["pay_grade"] = pay_grade
        if pay_level is not UNSET:
            field_dict["pay_level"] = pay_level
        if reports_to_id is not UNSET:
            field_dict["reports_to_id"] = reports_to_id
        if title is not UNSET:
            field_dict["title"] = title

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _category = d.pop("category", UNSET)
        category: PositionCategory | Unset
        if isinstance(_category, Unset):
            category = UNSET
        else:
            category = check_position_category(_category)

        def _parse_code(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        code = _parse_code(d.pop("code", UNSET))

        def _parse_headcount(data: object) -> int | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | Unset, data)

        headcount = _parse_headcount(d.pop("headcount", UNSET))

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        def _parse_org_unit_id(data: object) -> Unset | UUID:
            if isinstance(data, Unset):
                return data
            if not isinstance(data, str):
                raise TypeError()
            org_unit_id_type_0 = UUID(data)

            return org_unit_id_type_0

        org_unit_id = _parse_org_unit_id(d.pop("org_unit_id", UNSET))

        def _parse_pay_grade(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        pay_grade = _parse_pay_grade(d.pop("pay_grade", UNSET))

        def _parse_pay_level(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        pay_level = _parse_pay_level(d.pop("pay_level", UNSET))

        def _parse_reports_to_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reports_to_id_type_0 = UUID(data)

                return reports_to_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        reports_to_id = _parse_reports_to_id(d.pop("reports_to_id", UNSET))

        def _parse_title(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        position_update = cls(
            category=category,
            code=code,
            headcount=headcount,
            notes=notes,
            org_unit_id=org_unit_id,
            pay_grade=pay_grade,
            pay_level=pay_level,
            reports_to_id=reports_to_id,
            title=title,
        )

        position_update.additional_properties = d
        return position_update

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
