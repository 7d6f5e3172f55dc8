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


T = TypeVar("T", bound="TemplateUpdate")


@_attrs_define
class TemplateUpdate:
    """
    Attributes:
        allowed_currencies (list[str] | Unset):
        body (str | Unset):
        clauses (list[TemplateClauseRef] | Unset):
        code (str | Unset):
        direction (Direction | None | Unset):
        max_amount (None | str | Unset): A decimal string, at most 2 decimals.
        name (str | Unset):
        placeholders (list[PlaceholderDefinition] | Unset):
        required_attachments (list[str] | Unset):
    """

    allowed_currencies: list[str] | Unset = UNSET
    body: str | Unset = UNSET
    clauses: list[TemplateClauseRef] | Unset = UNSET
    code: str | Unset = UNSET
    direction: Direction | None | Unset = UNSET
    max_amount: None | str | Unset = UNSET
    name: str | Unset = UNSET
    placeholders: list[PlaceholderDefinition] | Unset = UNSET
    required_attachments: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        allowed_currencies: list[str] | Unset
        if isinstance(self.allowed_currencies, Unset):
            allowed_currencies = UNSET
        else:
            allowed_currencies = self.allowed_currencies

        body: str | Unset
        if isinstance(self.body, Unset):
            body = UNSET
        else:
            body = self.body

        clauses: list[dict[str, Any]] | Unset
        if isinstance(self.clauses, Unset):
            clauses = UNSET
        else:
            clauses = []
            for clauses_type_0_item_data in self.clauses:
                clauses_type_0_item = clauses_type_0_item_data.to_dict()
                clauses.append(clauses_type_0_item)

        code: str | Unset
        if isinstance(self.code, Unset):
            code = UNSET
        else:
            code = self.code

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

        name: str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        placeholders: list[dict[str, Any]] | Unset
        if isinstance(self.placeholders, Unset):
            placeholders = UNSET
        else:
            placeholders = []
            for placeholders_type_0_item_data in self.placeholders:
                placeholders_type_0_item = placeholders_type_0_item_data.to_dict()
                placeholders.append(placeholders_type_0_item)

        required_attachments: list[str] | Unset
        if isinstance(self.required_attachments, Unset):
            required_attachments = UNSET
        else:
            required_attachments = self.required_attachments

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if allowed_currencies is not UNSET:
            field_dict["allowed_currencies"] = allowed_currencies
        if body is not UNSET:
            field_dict["body"] = body
        if clauses is not UNSET:
            field_dict["clauses"] = clauses
        if code is not UNSET:
            field_dict["code"] = code
        if direction is not UNSET:
            field_dict["direction"] = direction
        if max_amount is not UNSET:
            field_dict["max_amount"] = max_amount
        if name is not UNSET:
            field_dict["name"] = name
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

        def _parse_allowed_currencies(data: object) -> list[str] | Unset:
            if isinstance(data, Unset):
                return data
            if not isinstance(data, list):
                raise TypeError()
            allowed_currencies_type_0 = cast(list[str], data)

            return allowed_currencies_type_0

        allowed_currencies = _parse_allowed_currencies(d.pop("allowed_currencies", UNSET))

        def _parse_body(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        body = _parse_body(d.pop("body", UNSET))

        def _parse_clauses(data: object) -> list[TemplateClauseRef] | Unset:
            if isinstance(data, Unset):
                return data
            if not isinstance(data, list):
                raise TypeError()
            clauses_type_0 = []
            _clauses_type_0 = data
            for clauses_type_0_item_data in _clauses_type_0:
                clauses_type_0_item = TemplateClauseRef.from_dict(clauses_type_0_item_data)

                clauses_type_0.append(clauses_type_0_item)

            return clauses_type_0

        clauses = _parse_clauses(d.pop("clauses", UNSET))

        def _parse_code(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        code = _parse_code(d.pop("code", UNSET))

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

        def _parse_name(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_placeholders(data: object) -> list[PlaceholderDefinition] | Unset:
            if isinstance(data, Unset):
                return data
            if not isinstance(data, list):
                raise TypeError()
            placeholders_type_0 = []
            _placeholders_type_0 = data
            for placeholders_type_0_item_data in _placeholders_type_0:
                placeholders_type_0_item = PlaceholderDefinition.from_dict(placeholders_type_0_item_data)

                placeholders_type_0.append(placeholders_type_0_item)

            return placeholders_type_0

        placeholders = _parse_placeholders(d.pop("placeholders", UNSET))

        def _parse_required_attachments(data: object) -> list[str] | Unset:
            if isinstance(data, Unset):
                return data
            if not isinstance(data, list):
                raise TypeError()
            required_attachments_type_0 = cast(list[str], data)

            return required_attachments_type_0

        required_attachments = _parse_required_attachments(d.pop("required_attachments", UNSET))

        template_update = cls(
            allowed_currencies=allowed_currencies,
            body=body,
            clauses=clauses,
            code=code,
            direction=direction,
            max_amount=max_amount,
            name=name,
            placeholders=placeholders,
            required_attachments=required_attachments,
        )

        template_update.additional_properties = d
        return template_update

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
