from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.direction import Direction, check_direction

if TYPE_CHECKING:
    from ..models.placeholder_view import PlaceholderView
    from ..models.template_clause_view import TemplateClauseView


T = TypeVar("T", bound="TemplateView")


@_attrs_define
class TemplateView:
    """
    Attributes:
        allowed_currencies (list[str]):
        body (str):
        built_in_placeholders (list[str]):
        clauses (list[TemplateClauseView]):
        code (str):
        created_at (datetime.datetime):
        direction (Direction | None):
        id (UUID):
        max_amount (None | str):
        name (str):
        placeholders (list[PlaceholderView]):
        required_attachments (list[str]):
        updated_at (datetime.datetime):
        version (int):
    """

    allowed_currencies: list[str]
    body: str
    built_in_placeholders: list[str]
    clauses: list[TemplateClauseView]
    code: str
    created_at: datetime.datetime
    direction: Direction | None
    id: UUID
    max_amount: None | str
    name: str
    placeholders: list[PlaceholderView]
    required_attachments: list[str]
    updated_at: datetime.datetime
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        allowed_currencies = self.allowed_currencies

        body = self.body

        built_in_placeholders = self.built_in_placeholders

        clauses = []
        for clauses_item_data in self.clauses:
            clauses_item = clauses_item_data.to_dict()
            clauses.append(clauses_item)

        code = self.code

        created_at = self.created_at.isoformat()

        direction: None | str
        if isinstance(self.direction, str):
            direction = self.direction
        else:
            direction = self.direction

        id = str(self.id)

        max_amount: None | str
        max_amount = self.max_amount

        name = self.name

        placeholders = []
        for placeholders_item_data in self.placeholders:
            placeholders_item = placeholders_item_data.to_dict()
            placeholders.append(placeholders_item)

        required_attachments = self.required_attachments

        updated_at = self.updated_at.isoformat()

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "allowed_currencies": allowed_currencies,
                "body": body,
                "built_in_placeholders": built_in_placeholders,
                "clauses": clauses,
                "code": code,
                "created_at": created_at,
                "direction": direction,
                "id": id,
                "max_amount": max_amount,
                "name": name,
                "placeholders": placeholders,
                "required_attachments": required_attachments,
                "updated_at": updated_at,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.placeholder_view import PlaceholderView  # noqa: PLC0415
        from ..models.template_clause_view import TemplateClauseView  # noqa: PLC0415

        d = dict(src_dict)
        allowed_currencies = cast(list[str], d.pop("allowed_currencies"))

        body = d.pop("body")

        built_in_placeholders = cast(list[str], d.pop("built_in_placeholders"))

        clauses = []
        _clauses = d.pop("clauses")
        for clauses_item_data in _clauses:
            clauses_item = TemplateClauseView.from_dict(clauses_item_data)

            clauses.append(clauses_item)

        code = d.pop("code")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_direction(data: object) -> Direction | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                direction_type_0 = check_direction(data)

                return direction_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Direction | None, data)

        direction = _parse_direction(d.pop("direction"))

        id = UUID(d.pop("id"))

        def _parse_max_amount(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        max_amount = _parse_max_amount(d.pop("max_amount"))

        name = d.pop("name")

        placeholders = []
        _placeholders = d.pop("placeholders")
        for placeholders_item_data in _placeholders:
            placeholders_item = PlaceholderView.from_dict(placeholders_item_data)

            placeholders.append(placeholders_item)

        required_attachments = cast(list[str], d.pop("required_attachments"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        template_view = cls(
            allowed_currencies=allowed_currencies,
            body=body,
            built_in_placeholders=built_in_placeholders,
            clauses=clauses,
            code=code,
            created_at=created_at,
            direction=direction,
            id=id,
            max_amount=max_amount,
            name=name,
            placeholders=placeholders,
            required_attachments=required_attachments,
            updated_at=updated_at,
            version=version,
        )

        template_view.additional_properties = d
        return template_view

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
