"""HTML forms: decode into the API's own msgspec schemas, with field errors in the user's language."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import msgspec

from bizsuite.core import validation
from bizsuite.core.errors import FieldError, ProblemError
from bizsuite.web.i18n import gettext as _

T = TypeVar("T")


class FormErrors(dict[str, str]):
    """Field name → translated message, shown next to each field."""


def translate_message(message: validation.Message) -> str:
    """A catalogue message in the user's language."""
    return _(message.template, **message.params)


_MSGSPEC_PREFIXES = ("Expected `", "Object missing", "Object contains", "Invalid ")


def translate_field_message(message: str) -> str:
    """Turn an English validation message into the user's language.

    The catalogue's own sentences (what the API says in ``errors[].message``) and msgspec's raw
    messages go through the catalogue (``core/validation.py``); service messages are short
    constant sentences listed in the translation catalog.
    """
    parsed = validation.parse(message)
    if parsed is None and message.startswith(_MSGSPEC_PREFIXES):
        parsed = validation.plain(message.split(" - at ")[0])
    return translate_message(parsed) if parsed is not None else _(message)


def _field_of(error: msgspec.ValidationError) -> str:
    text = str(error)
    if match := re.search(r"missing required field `([^`]+)`", text):
        return match.group(1)
    if match := re.search(r"unknown field `([^`]+)`", text):
        return match.group(1)
    if match := re.search(r"at `\$\.([A-Za-z0-9_]+)", text):
        return match.group(1)
    return "__all__"


def _field_errors(values: dict[str, Any], schema: type[Any]) -> FormErrors:
    """Every field's error at once: each value checked against its own field's type (the same
    check the API's problem details use), shown next to the field in the user's language."""
    errors = FormErrors()
    for issue in validation.field_errors(values, schema, strict=False):
        if issue.message.template == validation.UNKNOWN_FIELD:
            continue  # a form only sends its own fields; extra inputs are not the user's doing
        errors.setdefault(re.split(r"[.\[]", issue.field)[0], translate_message(issue.message))
    return errors


def _decode(values: dict[str, Any], schema: type[T]) -> tuple[T | None, FormErrors]:
    try:
        return msgspec.convert(values, schema, strict=False), FormErrors()
    except msgspec.ValidationError as error:
        errors = _field_errors({k: v for k, v in values.items() if v is not None}, schema)
        if not errors:
            message = str(error).split(" - at ")[0]
            errors = FormErrors({_field_of(error): translate_field_message(message)})
        return None, errors


def decode_form(
    data: dict[str, Any], schema: type[T], *, lists: tuple[str, ...] = ()
) -> tuple[T | None, FormErrors]:
    """Decode form fields into ``schema``; empty inputs count as omitted. On failure, every
    field's error is reported at once."""
    values: dict[str, Any] = {}
    for key, value in data.items():
        if key in ("csrf_token", "form_token", "version"):
            continue
        if key in lists:
            values[key] = [v for v in (value if isinstance(value, list) else [value]) if v]
        elif isinstance(value, str) and value.strip() == "":
            continue
        else:
            values[key] = value.strip() if isinstance(value, str) else value
    for key in lists:
        values.setdefault(key, [])
    return _decode(values, schema)


def form_version(data: dict[str, Any]) -> str | None:
    """The record version a form was rendered with (sent back as the service's ``If-Match``)."""
    value = data.get("version")
    return str(value) if value not in (None, "") else None


@dataclass
class Submission(Generic[T]):
    """A submitted form: what the user typed, the decoded body (or why not) and the version."""

    values: dict[str, Any]
    body: T | None
    errors: FormErrors
    version: str | None
    #: Set when the record changed since the form was rendered (412): the saved values by field.
    conflict: dict[str, Any] | None = None

    @property
    def status_code(self) -> int:
        """422 for bad input, 409 when someone else saved the record first."""
        return 409 if self.conflict is not None else 422


def read_form(
    data: dict[str, Any],
    schema: type[T],
    fields: Iterable[str],
    *,
    update: bool = False,
    required: Iterable[str] = (),
    checkboxes: Iterable[str] = (),
    lists: Iterable[str] = (),
) -> Submission[T]:
    """Read ``fields`` of a form into ``schema``.

    A create form (``update=False``) leaves out empty inputs; an edit form (``update=True``)
    sends an emptied optional field as an explicit null, which clears it, like a PATCH, and
    reports an emptied ``required`` field as an error.
    ``checkboxes`` are booleans (a box left unticked sends nothing: false); ``lists`` are
    multi-value fields.
    """
    needed, boxes, many = set(required), tuple(checkboxes), tuple(lists)
    values: dict[str, Any] = {}
    blanked: list[str] = []
    for name in fields:
        if name in many:
            raw = data.get(name)
            values[name] = [str(v) for v in (raw if isinstance(raw, list) else [raw]) if v not in (None, "")]
            continue
        raw = data.get(name)
        if raw is None:
            continue
        text = str(raw).strip()
        if text == "":
            if update and name not in needed:
                values[name] = None
            elif update:
                blanked.append(name)
            continue
        values[name] = text
    for name in boxes:
        values[name] = data.get(name) in ("on", "true", "1", True)
    body, errors = _decode(values, schema)
    if blanked:
        # An edit form's required field emptied: an error (the update would silently keep it).
        body = None
        for name in blanked:
            errors.setdefault(name, translate_message(validation.Message(validation.REQUIRED)))
    return Submission(values=values, body=body, errors=errors, version=form_version(data))


def saved_values(record: Any, fields: Iterable[str]) -> dict[str, Any]:
    """A record's current values of ``fields`` as a form would show them (for a 412 conflict)."""
    shown: dict[str, Any] = {}
    for name in fields:
        value = getattr(record, name, None)
        shown[name] = "" if value is None else getattr(value, "value", value)
    return shown


def problem_errors(problem: ProblemError) -> FormErrors:
    """Field errors of a service problem, translated (the form shows them next to each field)."""
    errors = FormErrors()
    for item in problem.errors or [FieldError(field="__all__", message=problem.detail or problem.title)]:
        errors[item.field] = translate_field_message(item.message)
    return errors
