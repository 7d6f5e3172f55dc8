"""One catalogue of validation messages in plain words, and field-by-field checking.

msgspec stops at the first bad field and words its errors for programmers ("Expected `str`
matching regex '^[^\\x00]*$'"). :func:`field_errors` checks each field of a body on its own,
so every bad field is reported at once, and :func:`plain` rewords msgspec's message as one of
the catalogue's :class:`Message` templates. The API sends the English text
(``errors[].message``); the web forms show the same template translated
(``web.forms.translate_field_message``). The templates are marked with ``N_`` for the catalogs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import msgspec


def N_(message: str) -> str:  # noqa: N802 - the conventional gettext marker name
    """Mark a message for extraction (it is translated where it is shown)."""
    return message


REQUIRED = N_("is required")
UNKNOWN_FIELD = N_("is not a known field")
BODY_REQUIRED = N_("the request body is required")
BODY_OBJECT = N_("must be a JSON object")
MALFORMED = N_("must be valid JSON")
TOO_DEEP = N_("must not nest arrays and objects more than 64 levels deep")
MAX_CHARS = N_("must be at most %(n)s characters")
MIN_CHARS = N_("must be at least %(n)s characters")
MAX_ITEMS = N_("must have at most %(n)s items")
MIN_ITEMS = N_("must have at least %(n)s items")
MAX_VALUE = N_("must be at most %(n)s")
MIN_VALUE = N_("must be at least %(n)s")
LESS_THAN = N_("must be less than %(n)s")
GREATER_THAN = N_("must be greater than %(n)s")
ONE_OF = N_("must be one of: %(choices)s")
NO_NUL = N_("must not contain a NUL character")
NO_SURROGATE = N_("must be valid Unicode text")
NO_BIDI = N_("must not contain invisible direction-override characters")
NOT_BLANK = N_("must not be blank or contain a NUL character")
NO_EDGE_SPACE = N_("must not start or end with a space, nor contain a line break or a NUL character")
MONTH = N_("must be a month written YYYY-MM")
AMOUNT = N_("must be an amount with at most 16 digits before the point and 2 after")
CURRENCY = N_("must be a three-letter currency code such as CNY")
EMAIL = N_("must be an email address")
SIX_DIGITS = N_("must be a six-digit code")
PHONE = N_("must be a phone number")
CODE = N_("must start with a letter or digit and use only letters, digits, '.', '_' and '-'")
LOWER_NAME = N_("must start with a lowercase letter and use only lowercase letters, digits, '.' and '_'")
SLUG = N_("must use only lowercase letters, digits and '-', not at either end")
FORMAT = N_("is not in the expected format")
TEXT = N_("must be text")
WHOLE_NUMBER = N_("must be a whole number")
NUMBER = N_("must be a number")
DECIMAL = N_("must be a decimal number")
BOOLEAN = N_("must be true or false")
LIST = N_("must be a list")
OBJECT = N_("must be an object")
NULL = N_("must be null")
UUID = N_("must be an id (a UUID)")
DATETIME = N_("must be a date and time (ISO 8601, e.g. 2026-11-28T09:30:00Z)")
DATE = N_("must be a date written YYYY-MM-DD")
TIME = N_("must be a time written HH:MM:SS")
INVALID = N_("is not valid")

#: The patterns our schemas use, each with the plain sentence for a value that does not match.
PATTERNS: dict[str, str] = {
    r"^[^\x00]*$": NO_NUL,
    r"^[^\x00]*[^\x00\s][^\x00]*$": NOT_BLANK,
    r"^[^\s\x00]([^\x00\n]*[^\s\x00])?$": NO_EDGE_SPACE,
    r"^\d{4}-\d{2}$": MONTH,
    r"^\d{1,16}(\.\d{1,2})?$": AMOUNT,
    r"^[A-Z]{3}$": CURRENCY,
    r"^[^@\s\x00]+@[^@\s\x00]+\.[^@\s\x00]+$": EMAIL,
    r"^[^@\s]+@[^@\s]+\.[^@\s]+$": EMAIL,
    r"^\d{6}$": SIX_DIGITS,
    r"^\+?[0-9 ()-]{3,31}$": PHONE,
    r"^[A-Za-z0-9][A-Za-z0-9._-]*$": CODE,
    r"^[A-Za-z0-9][A-Za-z0-9_.-]*$": CODE,
    r"^[a-z][a-z0-9_.]*$": LOWER_NAME,
    r"^[a-z][a-z0-9_]*$": LOWER_NAME,
    r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$": LOWER_NAME,
    r"^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$": SLUG,
}

_KINDS = {
    "str": TEXT,
    "int": WHOLE_NUMBER,
    "float": NUMBER,
    "decimal": DECIMAL,
    "bool": BOOLEAN,
    "array": LIST,
    "object": OBJECT,
    "null": NULL,
    "uuid": UUID,
    "datetime": DATETIME,
    "date": DATE,
    "time": TIME,
}


@dataclass(frozen=True, slots=True)
class Message:
    """A catalogue template and its values: ``str()`` is the English text."""

    template: str
    params: dict[str, Any] = field(default_factory=dict)

    def __str__(self) -> str:
        return self.template % self.params if self.params else self.template


def template_pattern(template: str) -> re.Pattern[str]:
    """A regular expression matching the English text of ``template`` (``%(name)s`` captured)."""
    parts = re.split(r"%\((\w+)\)s", template)
    regex = "".join(re.escape(part) if i % 2 == 0 else f"(?P<{part}>.+?)" for i, part in enumerate(parts))
    return re.compile(regex)


_TEMPLATES = sorted(
    {value for name, value in dict(globals()).items() if name.isupper() and isinstance(value, str)}
    - set(PATTERNS),
    key=len,
    reverse=True,
)
_PARSERS = [(template, template_pattern(template)) for template in _TEMPLATES]


def parse(text: str) -> Message | None:
    """The catalogue message whose English text is ``text`` (for translating it), or ``None``."""
    for template, pattern in _PARSERS:
        if match := pattern.fullmatch(text):
            return Message(template, match.groupdict())
    return None


def _choices(kind: Any) -> list[str]:
    """The allowed values of the first enum or literal inside ``kind``."""
    info = msgspec.inspect.type_info(kind)
    pending = [info]
    while pending:
        item = pending.pop(0)
        if isinstance(item, msgspec.inspect.EnumType):
            return [str(member.value) for member in item.cls]
        if isinstance(item, msgspec.inspect.LiteralType):
            return [str(value) for value in item.values]
        if isinstance(item, msgspec.inspect.UnionType):
            pending.extend(item.types)
        elif isinstance(
            item, msgspec.inspect.ListType | msgspec.inspect.SetType | msgspec.inspect.FrozenSetType
        ):
            pending.append(item.item_type)
    return []


def plain(raw: str, kind: Any = None) -> Message:
    """Reword a msgspec message (without its `` - at `$...` `` path) in the catalogue's words.

    ``kind`` is the field's type, for the choices of an enum.
    """
    if "missing required field" in raw:
        return Message(REQUIRED)
    if "unknown field" in raw:
        return Message(UNKNOWN_FIELD)
    if raw.startswith(("Invalid enum value", "Invalid value")):
        choices = _choices(kind) if kind is not None else []
        return Message(ONE_OF, {"choices": ", ".join(choices)}) if choices else Message(INVALID)
    if match := re.search(r"matching regex (.+)$", raw):
        for pattern, message in PATTERNS.items():
            if match.group(1) == repr(pattern):
                return Message(message)
        return Message(FORMAT)
    if match := re.search(r"`(\w+)[^`]*` of length (<=|>=) (\d+)", raw):
        kind_name, op, n = match.group(1), match.group(2), int(match.group(3))
        if kind_name == "str":
            if op == ">=" and n == 1:
                return Message(REQUIRED)
            return Message(MAX_CHARS if op == "<=" else MIN_CHARS, {"n": n})
        return Message(MAX_ITEMS if op == "<=" else MIN_ITEMS, {"n": n})
    if match := re.search(r"^Expected `[^`]+` (<=|>=|<|>) (-?[\d.eE+-]+)$", raw):
        op, bound = match.group(1), match.group(2)
        template = {"<=": MAX_VALUE, ">=": MIN_VALUE, "<": LESS_THAN, ">": GREATER_THAN}[op]
        return Message(template, {"n": bound})
    if match := re.search(r"^Expected `(\w+)", raw):
        return Message(_KINDS.get(match.group(1), INVALID))
    if raw.startswith("Invalid UUID"):
        return Message(UUID)
    if match := re.search(r"encoded (datetime|date|time)", raw):
        return Message(_KINDS[match.group(1)])
    if raw.startswith("Invalid decimal"):
        return Message(DECIMAL)
    return Message(INVALID)


def _split(error: msgspec.ValidationError) -> tuple[str, str]:
    """msgspec's message and the path inside the value (``[0].amount``), if any."""
    raw, _, at = str(error).partition(" - at `")
    path = at.rstrip("`").removeprefix("$")
    return raw, path.removeprefix(".") if path.startswith(".") else path


@dataclass(frozen=True, slots=True)
class Issue:
    """One bad field: its name (with the path inside it) and what is wrong, in plain words."""

    field: str
    message: Message


def field_errors(values: Any, schema: type[Any], *, strict: bool = True) -> list[Issue]:
    """Every bad field of ``values`` for the Struct ``schema``, each checked on its own.

    ``strict=False`` lets text stand for numbers and dates (HTML forms send only text).
    Returns an empty list when each field is fine on its own (a rule across fields may still fail).
    """
    if not isinstance(values, dict):
        return [Issue("body", Message(BODY_OBJECT))]
    issues: list[Issue] = []
    known: set[str] = set()
    for info in msgspec.structs.fields(schema):
        known.add(info.encode_name)
        if info.encode_name not in values:
            if info.required:
                issues.append(Issue(info.encode_name, Message(REQUIRED)))
            continue
        try:
            msgspec.convert(values[info.encode_name], info.type, strict=strict)
        except msgspec.ValidationError as error:
            raw, path = _split(error)
            name = (
                f"{info.encode_name}.{path}" if path and not path.startswith("[") else info.encode_name + path
            )
            issues.append(Issue(name, plain(raw, info.type)))
    config = getattr(schema, "__struct_config__", None)
    if config is not None and config.forbid_unknown_fields:
        issues.extend(Issue(str(name), Message(UNKNOWN_FIELD)) for name in values if name not in known)
    return issues


def is_struct(kind: Any) -> bool:
    """Whether ``kind`` is a msgspec Struct class (the only bodies checked field by field)."""
    return isinstance(kind, type) and issubclass(kind, msgspec.Struct)
