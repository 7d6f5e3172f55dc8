"""HTML forms: decode into the API's own msgspec schemas, with field errors in the user's language."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from types import UnionType
from typing import Annotated, Any, Generic, TypeVar, Union, get_args, get_origin, get_type_hints

import msgspec
from jinja2 import pass_context

from bizsuite.core import validation
from bizsuite.core.errors import FieldError, ProblemError
from bizsuite.web import i18n
from bizsuite.web.i18n import gettext as _
from bizsuite.web.i18n import translate_service_message
from bizsuite.web.pinyin import Style, lazy_pinyin

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
    sentences declared with ``web.i18n.service_messages`` (values put back in).
    """
    parsed = validation.parse(message)
    if parsed is None and message.startswith(_MSGSPEC_PREFIXES):
        parsed = validation.plain(message.split(" - at ")[0])
    return translate_message(parsed) if parsed is not None else translate_service_message(message)


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


#: Currency signs and codes a person may type around an amount (as the app displays it).
_CURRENCY = re.compile(r"^(?:[A-Z]{3}|US\$|HK\$|[¥$€£元])\s*|\s*(?:[A-Z]{3}|[¥$€£元])$")
#: Separators people put between digit groups: comma, apostrophe, spaces (incl. no-break, thin).
_GROUP = "[,'\u0020\u00a0\u2009\u202f]"
_GROUPED = re.compile(rf"^[+-]?\d{{1,3}}(?:{_GROUP}\d{{3}})+(?:\.\d+)?$")
_PLAIN = re.compile(r"^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$")


def normalise_number(text: str) -> str:
    """An amount as typed in a form → the plain decimal string the API takes.

    Accepts what the app displays and what people type: grouping separators (``1,200,000``,
    ``1 200 000``), a currency sign or code (``¥1,200,000.50``, ``CNY 1200``, ``1200元``),
    full-width digits and punctuation (``１２００``, ``１，２００．５``) and a typographic minus.
    Text it cannot read as a number, or whose grouping is not in threes (``1,20`` might mean
    1.20 or 120), comes back as typed, so the form names the field and keeps the typing.
    The API stays strict (JSON numbers or plain decimal strings).
    """
    cleaned = unicodedata.normalize("NFKC", text).strip()  # full-width → ASCII, ￥ → ¥
    cleaned = cleaned.replace("\u2212", "-").replace("\u2013", "-")
    cleaned = _CURRENCY.sub("", cleaned.upper()).strip()
    sign = ""
    if cleaned[:1] in "+-" and cleaned:
        sign, cleaned = cleaned[0].replace("+", ""), cleaned[1:].strip()
        cleaned = _CURRENCY.sub("", cleaned).strip()
    if _PLAIN.match(cleaned):
        return sign + cleaned
    if _GROUPED.match(cleaned):
        return sign + re.sub(_GROUP, "", cleaned)
    return text


def _is_number(hint: Any) -> bool:
    """Whether a schema field's type is a number (possibly optional, UNSET or constrained)."""
    if get_origin(hint) is Annotated:
        return _is_number(get_args(hint)[0])
    if get_origin(hint) in (Union, UnionType):
        return any(_is_number(arg) for arg in get_args(hint))
    return hint in (Decimal, int, float)


@cache
def _number_fields(schema: type[Any]) -> frozenset[str]:
    """The fields of a form's schema that are numbers (amounts, shares, counts)."""
    try:
        hints = get_type_hints(schema, include_extras=True)
    except (NameError, TypeError):
        return frozenset()
    names = dict(
        zip(
            getattr(schema, "__struct_fields__", ()),
            getattr(schema, "__struct_encode_fields__", ()),
            strict=False,
        )
    )
    return frozenset(names.get(name, name) for name, hint in hints.items() if _is_number(hint))


def _normalised(values: dict[str, Any], schema: type[Any]) -> dict[str, Any]:
    """Number fields as typed (``1,200,000``, ``¥1,200.50``) → plain decimal strings: the one
    place forms read displayed amounts (:func:`normalise_number`)."""
    numbers = _number_fields(schema)  # type: ignore[arg-type]  # classes are hashable
    return {
        key: normalise_number(value) if key in numbers and isinstance(value, str) else value
        for key, value in values.items()
    }


def _decode(values: dict[str, Any], schema: type[T]) -> tuple[T | None, FormErrors]:
    values = _normalised(values, schema)
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


def form_context(
    form: Submission[Any] | None, name: str | None = None, *, values: dict[str, Any] | None = None
) -> dict[str, Any]:
    """A page's form as its template shows it: the submitted form's ``errors`` and ``values``
    (what the user typed), or a blank form (no errors; ``values``, what it starts with: defaults,
    or the record's saved values). With ``name``, also ``form``: which of the page's forms was
    sent, so only that one shows them (``{% if form == "milestone" %}``). The one way to hand a
    form to a template: ``page(request, "x.html", **form_context(form, "milestone"), ...)``."""
    context: dict[str, Any] = {
        "errors": form.errors if form is not None else FormErrors(),
        "values": form.values if form is not None else ({} if values is None else values),
    }
    if name is not None:
        context["form"] = name
    return context


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


def _pinyin_key(label: str) -> str:
    """A label's pinyin, lower case (``王小明`` → ``wang xiao ming``; Latin letters stay)."""
    return _plain_key(" ".join(lazy_pinyin(label.casefold(), errors="default")))


def _plain_key(label: str) -> str:
    """A label without case or accents, as an English reader orders names."""
    decomposed = unicodedata.normalize("NFKD", label.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def collation_key(label: str, locale: str | None = None) -> tuple[str, str]:
    """How the user's language orders a name: pinyin in zh-CN (``pypinyin``), letters without
    case or accents in English; the label itself breaks ties."""
    key = _pinyin_key if (locale or i18n.current_locale()).startswith("zh") else _plain_key
    return key(label), label


C = TypeVar("C")


def sort_choices(
    choices: Iterable[C], *, label: Callable[[C], Any] | None = None, locale: str | None = None
) -> list[C]:
    """Choices (``(value, label)`` pairs, or anything ``label`` reads a name from) in the user's
    language's order: the one sort for pickers of people and accounts."""
    read = label or (lambda c: c[1])  # type: ignore[index]
    return sorted(choices, key=lambda c: collation_key(str(read(c) or ""), locale))


def search_keys(label: str) -> str:
    """What a picker's filter matches besides the label: full pinyin and initials
    (``王小明`` → ``wangxiaoming wxm``), so ``wxm`` or ``wang`` finds 王小明."""
    if not any("\u4e00" <= c <= "\u9fff" for c in label):
        return ""
    syllables = lazy_pinyin(label, errors="ignore")
    initials = "".join(s[:1] for s in lazy_pinyin(label, style=Style.FIRST_LETTER, errors="ignore"))
    return f"{''.join(syllables)} {initials}".lower()


def picker_options(choices: Sequence[Any]) -> list[tuple[str, str, str]]:
    """A picker's options: (value, label, search keys), sorted for the user's language."""
    blank = [c for c in choices if c[0] in ("", None)]  # "no owner", "choose one": stay first
    chosen = sort_choices(c for c in choices if c[0] not in ("", None))
    return [(str(c[0] or ""), str(c[1]), search_keys(str(c[1]))) for c in [*blank, *chosen]]


def field_errors(errors: dict[str, str] | None) -> list[tuple[str, str]]:
    """A form's field errors in order (what the summary at the top of the form links to)."""
    return [(name, message) for name, message in (errors or {}).items() if not name.startswith("__")]


@pass_context
def element_id(context: Any, wanted: str) -> str:
    """A unique element id on this page: the first ``f-name`` stays, later ones are numbered
    (``f-name-2``), so a label always focuses its own field."""
    request = context.get("request")
    if request is None:
        return wanted
    taken: dict[str, int] = request.scope.setdefault("state", {}).setdefault("element_ids", {})
    count = taken[wanted] = taken.get(wanted, 0) + 1
    return wanted if count == 1 else f"{wanted}-{count}"


#: What form templates use (registered by ``web/templating.py``).
TEMPLATE_GLOBALS: dict[str, Any] = {"element_id": element_id}
TEMPLATE_FILTERS: dict[str, Any] = {"picker_options": picker_options, "field_errors": field_errors}
