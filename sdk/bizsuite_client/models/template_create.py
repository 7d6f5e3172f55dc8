from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.direction import Direction, check_direction
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.placeholder_definition import PlaceholderDefinition
    from ..models.template_clause_ref import TemplateClauseRef


T = TypeVar("T", bound="TemplateCreate")


@_attrs_define
class TemplateCreate:
    """
    Attributes:
        body (str):
        code (str):
        name (str):
        allowed_currencies (list[str] | Unset):
        clauses (list[TemplateClauseRef] | Unset):
        direction (Direction | None | Unset):
        max_amount (None | str | Unset): A decimal string, at most 2 decimals.
        placeholders (list[PlaceholderDefinition] | Unset):
        required_attachments (list[str] | Unset):
    """

    body: str
    code: str
    name: str
    allowed_currencies: list[str] | Unset = UNSET
    clauses: list[TemplateClauseRef] | Unset = UNSET
    direction: Direction | None | Unset = UNSET
    max_amount: None | str | Unset = UNSET
    placeholders: list[PlaceholderDefinition] | Unset = UNSET
    required_attachments: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        body = self.body

        code = self.code

        name = self.name

        allowed_currencies: list[str] | Unset = UNSET
        if not isinstance(self.allowed_currencies, Unset):
            allowed_currencies = self.allowed_currencies

        clauses: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.clauses, Unset):
            clauses = []
            for clauses_item_data in self.clauses:
                clauses_item = clauses_item_data.to_dict()
                clauses.append(clauses_item)

        direction: None | str | Unset
        if isinstance(self.direction, Unset):
            direction = UNSET
        elif isinstance(self.direction, str):
            direction = self.direction
        else:
            direction = self.direction

        max_amount: None | str | Unset
        if isinstance(self.max_amount, Unset):
            max_amount = UNSET
        else:
            max_amount = self.max_amount

        placeholders: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.placeholders, Unset):
            placeholders = []
            for placeholders_item_data in self.placeholders:
                placeholders_item = placeholders_item_data.to_dict()
                placeholders.append(placeholders_item)

        required_attachments: list[str] | Unset = UNSET
        if not isinstance(self.required_attachments, Unset):
            required_attachments = self.required_attachments

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "body": body,
                "code": code,
                "name": name,
            }
        )
        if allowed_currencies is not UNSET:
            field_dict["allowed_currencies"] = allowed_currencies
        if clauses is not UNSET:
            field_dict["clauses"] = clauses
        if direction is not UNSET:
            field_dict["direction"] = direction
        if max_amount is not UNSET:
            field_dict["max_amount"] = max_amount
        if placeholders is not UNSET:
            field_dict["placeholders"] = placeholders
        if required_attachments is not UNSET:
            field_dict["required_attachments"] = required_attachments

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.placeholder_definition import PlaceholderDefinition  # noqa: PLC0415
        from ..models.template_clause_ref import TemplateClauseRef  # noqa: PLC0415

        d = dict(src_dict)
        body = d.pop("body")

        code = d.pop("code")

        name = d.pop("name")

        allowed_currencies = cast(list[str], d.pop("allowed_currencies", UNSET))

        _clauses = d.pop("clauses", UNSET)
        clauses: list[TemplateClauseRef] | Unset = UNSET
        if _clauses is not UNSET:
            clauses = []
            for clauses_item_data in _clauses:
                clauses_item = TemplateClauseRef.from_dict(clauses_item_data)

                clauses.append(clauses_item)

        def _parse_direction(data: object) -> Direction | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                direction_type_0 = check_direction(data)

                return direction_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Direction | None | Unset, data)

        direction = _parse_direction(d.pop("direction", UNSET))

        def _parse_max_amount(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        max_amount = _parse_max_amount(d.pop("max_amount", UNSET))

        _placeholders = d.pop("placeholders", UNSET)
        placeholders: list[PlaceholderDefinition] | Unset = UNSET
        if _placeholders is not UNSET:
            placeholders = []
            for placeholders_item_data in _placeholders:
                placeholders_item = PlaceholderDefinition.from_dict(placeholders_item_data)

                placeholders.append(placeholders_item)

        required_attachments = cast(list[str], d.pop("required_attachments", UNSET))

        template_create = cls(
            body=body,
            code=code,
            name=name,
            allowed_currencies=allowed_currencies,
            clauses=clauses,
            direction=direction,
            max_amount=max_amount,
            placeholders=placeholders,
            required_attachments=required_attachments,
        )

        template_create.additional_properties = d
        return template_create

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
