"""How the global search shows its hits (the search palette and the ``/search`` page): the part
of a title or detail that matched the search text, marked; each group's count."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bizsuite.core.system.search import SearchResults

#: Hits per group in the palette, on the search page, and on the page when it shows one kind.
PALETTE_LIMIT = 5
PAGE_LIMIT = 10
KIND_LIMIT = 50


def match_parts(text: str, query: str) -> list[tuple[str, bool]]:
    """``text`` cut into runs, each flagged when it is an occurrence of ``query`` (any case).

    ``match_parts("上海明辉贸易", "明辉")`` → ``[("上海", False), ("明辉", True), ("贸易", False)]``.
    """
    if not text:
        return []
    needle = query.strip()
    if not needle:
        return [(text, False)]
    parts: list[tuple[str, bool]] = []
    start = 0
    for found in re.finditer(re.escape(needle), text, flags=re.IGNORECASE):
        if found.start() > start:
            parts.append((text[start : found.start()], False))
        parts.append((found.group(0), True))
        start = found.end()
    if start < len(text):
        parts.append((text[start:], False))
    return parts


@dataclass(frozen=True, slots=True)
class ShownHit:
    """A hit with its title's and detail's matched parts marked."""

    href: str
    title: list[tuple[str, bool]]
    detail: list[tuple[str, bool]]


@dataclass(frozen=True, slots=True)
class ShownGroup:
    """One kind of record's hits as shown: its key, label msgid, hits and whether there are more."""

    key: str
    label: str
    hits: list[ShownHit]
    more: bool


def shown(results: SearchResults) -> list[ShownGroup]:
    """The groups of ``results`` ready to show, matched fragments marked."""
    return [
        ShownGroup(
            key=group.key,
            label=group.label,
            hits=[
                ShownHit(
                    href=hit.href,
                    title=match_parts(hit.title, results.q),
                    detail=match_parts(hit.detail, results.q),
                )
                for hit in group.hits
            ],
            more=group.more,
        )
        for group in results.groups
    ]
