"""Keep the message catalogs in step: extract, update the zh-CN catalog, compile.

Usage: python scripts/translations.py [extract|compile|check|fill FILE.json...]
  extract  re-extract messages and merge them into each catalog (new ones untranslated)
  fill     set zh-CN translations from JSON files of {"msgid": "译文"} ("context\u0004msgid"
           for a pgettext message) (only messages the
           catalog has and has not translated yet; a plural msgid takes a list of forms)
  compile  compile the .po catalogs into .mo files the app loads
  check    exit non-zero listing messages without a zh-CN translation
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "platform" / "bizsuite" / "web" / "translations"
POT = TRANSLATIONS / "messages.pot"
LOCALES = ("zh_CN",)


def extract(target: Path = POT) -> Catalog:
    """Extract every marked message from code and templates."""
    subprocess.run(
        [
            sys.executable,
            "-m",
            "babel.messages.frontend",
            "extract",
            "-F",
            str(ROOT / "babel.cfg"),
            "-k",
            "_",
            "-k",
            "gettext",
            "-k",
            "N_",
            "-k",
            "ngettext:1,2",
            "-k",
            "pgettext:1c,2",
            "--no-location",
            "--omit-header",
            "--sort-output",
            "-o",
            str(target),
            ".",
        ],
        check=True,
        capture_output=True,
        cwd=ROOT,
    )
    with target.open("rb") as handle:
        return read_po(handle)


def catalog_path(locale: str) -> Path:
    return TRANSLATIONS / locale / "LC_MESSAGES" / "messages.po"


def update() -> None:
    template = extract()
    for locale in LOCALES:
        path = catalog_path(locale)
        with path.open("rb") as handle:
            catalog = read_po(handle, locale=locale)
        catalog.update(template, no_fuzzy_matching=True)
        with path.open("wb") as handle:
            write_po(handle, catalog, omit_header=False, sort_output=True, width=120, include_previous=False)


def compile_catalogs() -> None:
    for locale in LOCALES:
        with catalog_path(locale).open("rb") as handle:
            catalog = read_po(handle, locale=locale)
        with catalog_path(locale).with_suffix(".mo").open("wb") as handle:
            write_mo(handle, catalog)


def _translated(message: Message | None) -> bool:
    """Whether a catalog entry is translated: a plural's forms are a tuple, empty strings if not."""
    if message is None or message.fuzzy:
        return False
    return all(message.string) if isinstance(message.string, tuple) else bool(message.string)


def missing() -> dict[str, list[str]]:
    """Messages in code or templates that a catalog does not translate (or only fuzzily)."""
    with tempfile.TemporaryDirectory() as folder:
        template = extract(Path(folder) / "messages.pot")
    result: dict[str, list[str]] = {}
    for locale in LOCALES:
        with catalog_path(locale).open("rb") as handle:
            catalog = read_po(handle, locale=locale)
        gaps = []
        for message in template:
            if not message.id:
                continue
            translated = catalog.get(message.id, context=message.context)
            if not _translated(translated):
                gaps.append(f"{message.context}\x04{message.id}" if message.context else str(message.id))
        result[locale] = gaps
    return result


def fill(files: list[str], locale: str = "zh_CN") -> int:
    """Set untranslated messages of ``locale`` from JSON files; return how many were set."""
    import json

    path = catalog_path(locale)
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=locale)
    filled = 0
    for name in files:
        for key, text in json.loads(Path(name).read_text(encoding="utf-8")).items():
            # A message with a context (pgettext) is keyed "context\u0004msgid", as gettext stores it.
            context, _, message_id = key.rpartition("\x04")
            message = catalog.get(message_id, context=context or None)
            if message is None:
                continue
            if _translated(message):
                continue
            if isinstance(text, list):
                message.string = tuple(text)
            elif message.pluralizable:
                # A plural given as one string: every plural form gets it (Chinese has one form).
                message.string = (text,) * catalog.num_plurals
            else:
                message.string = text
            message.flags.discard("fuzzy")
            filled += 1
    with path.open("wb") as handle:
        write_po(handle, catalog, omit_header=False, sort_output=True, width=120, include_previous=False)
    return filled


def main() -> int:
    command = sys.argv[1] if len(sys.argv) > 1 else "compile"
    if command == "extract":
        update()
    elif command == "compile":
        compile_catalogs()
    elif command == "fill":
        print(f"{fill(sys.argv[2:])} translations set")
    elif command == "check":
        gaps = missing()
        for locale, ids in gaps.items():
            for message_id in ids:
                print(f"{locale}: untranslated: {message_id!r}")
        return 1 if any(gaps.values()) else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
