"""HTML forms: decode into the API's own msgspec schemas, with field errors in the user's language."""

from __future__ import annotations

import re
from typing import Any, TypeVar

import msgspec

from bizsuite.core.errors import FieldError, ProblemError
from bizsuite.web.i18n import gettext as _

T = TypeVar("T")


class FormErrors(dict[str, str]):
    """Field name → translated message, shown next to each field."""


def translate_field_message(message: str) -> str:
    """Turn an English validation message into the user's language."""
    lowered = message.lower()
    if "missing required field" in lowered or re.search(r"length >= 1\b", message):
        return _("This field is required.")
    if length := re.search(r"length <= (\d+)", message):
        return _("At most %(n)s characters.", n=length.group(1))
    if length := re.search(r"length >= (\d+)", message):
        return _("At least %(n)s characters.", n=length.group(1))
    if "enum" in lowered:
        return _("Choose one of the options.")
    if "regex" in lowered or "pattern" in lowered:
        return _("The format is not valid.")
    if ">= " in message or "<= " in message:
        return _("The value is out of range.")
    # Service messages are short constant sentences listed in the catalog.
    return _(message)


def _field_of(error: msgspec.ValidationError) -> str:
    text = str(error)
    if match := re.search(r"missing required field `([^`]+)`", text):
        return match.group(1)
    if match := re.search(r"unknown field `([^`]+)`", text):
        return match.group(1)
    if match := re.search(r"at `\$\.([A-Za-z0-9_]+)", text):
        return match.group(1)
    return "__all__"


def decode_form(
    data: dict[str, Any], schema: type[T], *, lists: tuple[str, ...] = ()
) -> tuple[T | None, FormErrors]:
    """Decode form fields into ``schema``; empty inputs count as omitted."""
    values: dict[str, Any] = {}
    for key, value in data.items():
        if key in ("csrf_token", "form_token"):
            continue
        if key in lists:
            values[key] = [v for v in (value if isinstance(value, list) else [value]) if v]
        elif isinstance(value, str) and value.strip() == "":
            continue
        else:
            values[key] = value.strip() if isinstance(value, str) else value
    for key in lists:
        values.setdefault(key, [])
    try:
        return msgspec.convert(values, schema, strict=False), FormErrors()
    except msgspec.ValidationError as error:
        message = str(error).split(" - at ")[0]
        return None, FormErrors({_field_of(error): translate_field_message(message)})


def problem_errors(problem: ProblemError) -> FormErrors:
    """Field errors of a service problem, translated (the form shows them next to each field)."""
    errors = FormErrors()
    for item in problem.errors or [FieldError(field="__all__", message=problem.detail or problem.title)]:
        errors[item.field] = translate_field_message(item.message)
    return errors
