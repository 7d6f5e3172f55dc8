"""The documentation's own links: every image and every relative link in `docs/` and the README
points at a file of the repository (a screenshot the guide shows is one a browser test takes)."""

from __future__ import annotations

import re
from pathlib import Path

from bizsuite.settings import REPO_ROOT

#: ``![alt](target)`` and ``[text](target)``, target without a title.
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)\)")


def _documents() -> list[Path]:
    return [REPO_ROOT / "README.md", *sorted((REPO_ROOT / "docs").rglob("*.md"))]


def test_every_relative_link_and_image_of_the_docs_exists() -> None:
    broken = []
    for document in _documents():
        for target in LINK.findall(document.read_text(encoding="utf-8")):
            if re.match(r"^[a-z][a-z0-9+.-]*:", target) or target.startswith("#"):
                continue  # another site, a mail address, a place in the same page
            path = (document.parent / target.split("#", 1)[0]).resolve()
            if not path.exists():
                broken.append(f"{document.relative_to(REPO_ROOT)}: {target}")
    assert broken == []
