"""One clock per tenant: module code reads "now" through ``bizsuite.core.clock`` (``clock.now(ctx)``),
never from the wall clock, so a sandbox tenant's test clock moves every time rule of every module.

Infrastructure timestamps (a row's ``updated_at`` bumped as its version, when an import job
finished) stay on real time; each is listed below with its reason, and a listed line that is gone
fails too, so the list stays true."""

from __future__ import annotations

import ast
from pathlib import Path

from bizsuite.settings import REPO_ROOT

MODULES = REPO_ROOT / "platform" / "bizsuite" / "modules"

#: ``(path under modules/, the line as written)`` → why it is real time.
INFRASTRUCTURE = {
    ("crm/accounts/services/accounts.py", "account.updated_at = utcnow()  # bumps the version even when nothing else changed"): "row version",
    ("crm/accounts/services/contacts.py", "contact.updated_at = utcnow()"): "row version",
    ("crm/accounts/services/contacts.py", ".values(contact_id=None, version=Activity.version + 1, updated_at=utcnow())"): "row version",
    ("crm/accounts/services/zones.py", "zone.updated_at = utcnow()"): "row version",
    ("crm/accounts/services/activities.py", "activity.updated_at = utcnow()"): "row version",
    ("crm/accounts/blueprint.py", "row.updated_at = utcnow()"): "row version",
    ("crm/tickets/services/policies.py", "policy.updated_at = utcnow()  # a new version even when only the milestones change"): "row version",
    ("crm/revenue/services/revenue.py", 'set_={"amount": amount, "updated_at": func.now()},'): "row version",
    ("crm/accounts/imports.py", "account.updated_at = utcnow()"): "row version",
    ("crm/accounts/imports.py", "existing.updated_at = utcnow()"): "row version",
    ("venue_audio/services/players.py", "now = utcnow()"): "when a device key was last used (like an API key's)",
}  # fmt: skip

_WALL_CLOCK_METHODS = {"now", "utcnow", "today"}
_TIME_MODULES = {"datetime", "date", "dt", "time", "func"}


def _dotted(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{_dotted(node.value)}.{node.attr}"
    return ""


def _reads_wall_clock(call: ast.Call) -> bool:
    """``utcnow()``, ``datetime.now(...)``, ``dt.datetime.now()``, ``date.today()``,
    ``time.time()``, SQLAlchemy's ``func.now()``."""
    name = _dotted(call.func)
    parts = name.split(".")
    if parts[-1] == "utcnow":
        return True
    if len(parts) > 1 and parts[-1] in _WALL_CLOCK_METHODS and parts[-2] in _TIME_MODULES:
        return True
    return name == "time.time"


def wall_clock_reads(root: Path) -> list[tuple[str, str]]:
    """``(path under root, source line)`` of every wall-clock read in ``root``'s Python files."""
    found = []
    for path in sorted(root.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        lines = source.splitlines()
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.Call) and _reads_wall_clock(node):
                found.append((path.relative_to(root).as_posix(), lines[node.lineno - 1].strip()))
    return found


def test_module_code_reads_the_tenant_clock_not_the_wall_clock() -> None:
    unlisted = sorted({read for read in wall_clock_reads(MODULES) if read not in INFRASTRUCTURE})
    assert unlisted == [], (
        "Read the tenant's clock (`from bizsuite.core import clock`; `clock.now(ctx)`) so a sandbox's "
        "test clock moves this rule; a real-time infrastructure stamp goes in INFRASTRUCTURE with its reason"
    )


def test_every_listed_infrastructure_use_still_exists() -> None:
    assert sorted(set(INFRASTRUCTURE) - set(wall_clock_reads(MODULES))) == []


def test_the_check_sees_every_way_of_reading_the_wall_clock(tmp_path: Path) -> None:
    (tmp_path / "rule.py").write_text(
        "import datetime as dt\nimport time\nfrom datetime import date, datetime\n"
        "a = utcnow()\nb = db.utcnow()\nc = datetime.now(UTC)\nd = dt.datetime.now()\n"
        "e = date.today()\nf = time.time()\ng = func.now()\nh = clock.now(ctx)\ni = self.now()\n",
        encoding="utf-8",
    )
    assert [line for _, line in wall_clock_reads(tmp_path)] == [
        "a = utcnow()",
        "b = db.utcnow()",
        "c = datetime.now(UTC)",
        "d = dt.datetime.now()",
        "e = date.today()",
        "f = time.time()",
        "g = func.now()",
    ]
