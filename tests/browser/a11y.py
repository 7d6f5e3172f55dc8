"""axe-core (from npm, installed by ``make install``) in the browser tests: the accessibility
violations of the page as it is now, at the impacts that block people (serious, critical)."""

from __future__ import annotations

from functools import cache
from typing import Any

from bizsuite.settings import REPO_ROOT
from playwright.async_api import Page

AXE = REPO_ROOT / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = ("serious", "critical")


@cache
def _source() -> str:
    return AXE.read_text(encoding="utf-8")


async def axe_violations(page: Page, impacts: tuple[str, ...] = BLOCKING) -> list[dict[str, Any]]:
    """Run axe-core on the page (injected through the DevTools protocol, so the page's CSP stays
    as it is) and return the violations at ``impacts``, each with its rule, help and elements."""
    if not await page.evaluate("() => typeof window.axe === 'object'"):
        await page.evaluate(_source())
    found: list[dict[str, Any]] = await page.evaluate(
        """async (impacts) => {
            const result = await axe.run(document, { resultTypes: ["violations"] });
            return result.violations
                .filter((v) => impacts.includes(v.impact))
                .map((v) => ({ id: v.id, impact: v.impact, help: v.help,
                               nodes: v.nodes.slice(0, 5).map((n) => n.target.join(" ") + " :: " + n.failureSummary) }));
        }""",
        list(impacts),
    )
    return found


def describe(path: str, violations: list[dict[str, Any]]) -> str:
    """The violations as readable lines for an assertion message."""
    lines = []
    for v in violations:
        lines.append(f"{path}: [{v['impact']}] {v['id']}: {v['help']}")
        lines.extend(f"    {node}" for node in v["nodes"])
    return "\n".join(lines)
