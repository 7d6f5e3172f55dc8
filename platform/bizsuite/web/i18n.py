"""Per-request language and time zone: Babel catalogs, gettext for templates and code, formatting."""

from __future__ import annotations

import contextvars
import datetime as dt
import re
import zoneinfo
from decimal import Decimal
from functools import cache
from pathlib import Path

from babel import dates, numbers, support

from bizsuite.core import validation

TRANSLATIONS = Path(__file__).parent / "translations"
SUPPORTED = ("zh-CN", "en")
DEFAULT_LOCALE = "zh-CN"
DOMAIN = "messages"

_locale: contextvars.ContextVar[str] = contextvars.ContextVar("ui_locale", default=DEFAULT_LOCALE)
_time_zone: contextvars.ContextVar[str] = contextvars.ContextVar("ui_time_zone", default="Asia/Shanghai")


def babel_name(locale: str) -> str:
    """Return Babel's name for a UI locale (``zh-CN`` → ``zh_CN``)."""
    return locale.replace("-", "_")


@cache
def translations(locale: str) -> support.NullTranslations:
    """Load the compiled catalog of a locale (English is the source language)."""
    if locale == "en":
        return support.NullTranslations()
    return support.Translations.load(str(TRANSLATIONS), [babel_name(locale)], domain=DOMAIN)


def negotiate(*candidates: str | None) -> str:
    """Return the first supported locale among the candidates (user, tenant, Accept-Language)."""
    for candidate in candidates:
        if not candidate:
            continue
        for part in candidate.split(","):
            tag = part.split(";")[0].strip()
            if tag in SUPPORTED:
                return tag
            if tag.lower().startswith("zh"):
                return "zh-CN"
            if tag.lower().startswith("en"):
                return "en"
    return DEFAULT_LOCALE


def activate(locale: str, time_zone: str) -> None:
    """Use this locale and time zone for the rest of the request."""
    _locale.set(locale if locale in SUPPORTED else DEFAULT_LOCALE)
    try:
        zoneinfo.ZoneInfo(time_zone)
        _time_zone.set(time_zone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        _time_zone.set("Asia/Shanghai")


def current_locale() -> str:
    """The active UI locale."""
    return _locale.get()


def current_time_zone() -> str:
    """The active display time zone."""
    return _time_zone.get()


def gettext(message: str, **variables: object) -> str:
    """Translate a message into the active locale, then fill ``%(name)s`` variables."""
    text = translations(current_locale()).gettext(message)
    return text % variables if variables else text


def ngettext(singular: str, plural: str, n: int, **variables: object) -> str:
    """Translate a message with a plural form."""
    text = translations(current_locale()).ngettext(singular, plural, n)
    return text % {"num": n, **variables}


def pgettext(context: str, message: str, **variables: object) -> str:
    """Translate a message in a context, where one English word has two meanings (``Waiting``)."""
    text = str(translations(current_locale()).pgettext(context, message))
    return text % variables if variables else text


_ = gettext


def N_(message: str) -> str:  # noqa: N802 - the conventional gettext marker name
    """Mark a string for extraction; it is translated where it is shown."""
    return message


#: Service sentences with values (``%(name)s``), by length (the longest is tried first).
_SERVICE_TEMPLATES: list[tuple[str, re.Pattern[str]]] = []


def service_messages(*msgids: str) -> tuple[str, ...]:
    """Declare the sentences an area's services answer in ``errors[].message`` (each marked with
    ``N_``), so that a form shows them translated. A sentence may hold values (``%(period)s is
    not reconciled``): the service sends it filled in, and the form translates the sentence and
    puts the values back."""
    for msgid in msgids:
        if "%(" in msgid and all(msgid != known for known, _pattern in _SERVICE_TEMPLATES):
            _SERVICE_TEMPLATES.append((msgid, validation.template_pattern(msgid)))
    _SERVICE_TEMPLATES.sort(key=lambda item: len(item[0]), reverse=True)
    return msgids


def translate_service_message(text: str) -> str:
    """A service's sentence in the user's language (with its values, when it has some)."""
    for template, pattern in _SERVICE_TEMPLATES:
        if match := pattern.fullmatch(text):
            return gettext(template, **match.groupdict())
    return gettext(text)


#: Field messages of kernel services, translated when a form shows them.
SERVICE_MESSAGES = service_messages(
    N_("you are not a member of this tenant"),
    N_("wrong password"),
    N_("wrong code"),
    N_("this person is already a member"),
    N_("this invitation is unknown, revoked or expired"),
    N_("this tenant is not active"),
    N_("required for a new account"),
    N_("use at least 10 characters"),
    N_("enter the password of your existing account"),
    N_("must be in the future"),
    N_("no such record"),
    N_("the parent org unit is archived"),
    N_("this code is already used"),
    N_("an org unit cannot move under itself or its descendants"),
    N_("unknown time zone"),
    N_("this slug is already used"),
    N_("Archive or move this unit's active children first."),
    N_("Restore the parent org unit first."),
    N_("A tenant keeps at least one owner."),
)


def format_datetime(value: dt.datetime | None, format: str = "medium") -> str:
    """Format an instant in the user's time zone and language."""
    if value is None:
        return ""
    local = value.astimezone(zoneinfo.ZoneInfo(current_time_zone()))
    return dates.format_datetime(local, format=format, locale=babel_name(current_locale()))


def format_date(value: dt.date | dt.datetime | None, format: str = "medium") -> str:
    """Format a date in the user's language (instants first move to the user's time zone)."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = value.astimezone(zoneinfo.ZoneInfo(current_time_zone())).date()
    return dates.format_date(value, format=format, locale=babel_name(current_locale()))


def format_number(value: int | Decimal | float | None) -> str:
    """Format a number with the locale's grouping."""
    if value is None:
        return ""
    return numbers.format_decimal(value, locale=babel_name(current_locale()))


def format_money(value: Decimal | None, currency: str) -> str:
    """Format an amount of money in its currency for the user's language."""
    if value is None:
        return ""
    return numbers.format_currency(value, currency, locale=babel_name(current_locale()))


LANGUAGE_NAMES = {"zh-CN": "简体中文", "en": "English"}


def language_name(locale: str) -> str:
    """The language's own name, as the language switcher shows it."""
    return LANGUAGE_NAMES.get(locale, locale)
