"""``bizsuite scaffold <name>``: write a new business module that passes the convention tests.

The module (a package with its spec, models, schemas, rules, services, API, pages and
templates), its migration and its tests come from the ``.tmpl`` files beside this one, with
``$module`` (the name), ``$slug`` (its URL segment), ``$Title``, ``$Class`` and ``$package``
filled in. Installing it is then one line in ``bizsuite/modules/__init__.py``.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from string import Template

from bizsuite.settings import REPO_ROOT

HERE = Path(__file__).parent
NAME = re.compile(r"^[a-z][a-z0-9_]{1,30}$")
_REVISION_FILE = re.compile(r"^(\d{4})_.*\.py$")


class ScaffoldError(ValueError):
    """The module cannot be scaffolded as asked (bad name, folder exists)."""


@dataclass(frozen=True)
class Scaffold:
    """Where a new module goes."""

    name: str
    package: str
    module_dir: Path
    migrations_dir: Path
    tests_dir: Path


def default_scaffold(name: str) -> Scaffold:
    """A module inside this repository: ``bizsuite.modules.<name>``, its migration and tests."""
    return Scaffold(
        name=name,
        package=f"bizsuite.modules.{name}",
        module_dir=REPO_ROOT / "platform" / "bizsuite" / "modules" / name,
        migrations_dir=REPO_ROOT / "migrations" / "versions",
        tests_dir=REPO_ROOT / "tests" / "modules" / name,
    )


def _head(migrations_dir: Path) -> str | None:
    numbers = [int(m.group(1)) for p in migrations_dir.glob("*.py") if (m := _REVISION_FILE.match(p.name))]
    return f"{max(numbers):04d}" if numbers else None


def write(scaffold: Scaffold, *, down_revision: str | None = None) -> list[Path]:
    """Write the module, its migration (after ``down_revision``, default the latest) and its tests."""
    name = scaffold.name
    if not NAME.match(name):
        raise ScaffoldError(
            f"{name!r}: use lower-case letters, digits and underscores, starting with a letter"
        )
    if scaffold.module_dir.exists():
        raise ScaffoldError(f"{scaffold.module_dir} exists already")
    head = down_revision if down_revision is not None else _head(scaffold.migrations_dir)
    revision = f"{int(head) + 1:04d}" if head and head.isdigit() else "0001"
    values = {
        "module": name,
        "slug": name.replace("_", "-"),
        "Title": name.replace("_", " ").title(),
        "Class": "".join(part.title() for part in name.split("_")),
        "package": scaffold.package,
        "revision": revision,
        "down_revision": head or "",
        "down_revision_literal": repr(head),
    }
    targets: list[tuple[Path, Path]] = []
    for source in sorted((HERE / "module").rglob("*.tmpl")):
        relative = source.relative_to(HERE / "module").with_suffix("")
        if relative.parts[0] == "templates":
            relative = Path("templates", name, *relative.parts[1:])
        targets.append((source, scaffold.module_dir / relative))
    targets.append((HERE / "migration.py.tmpl", scaffold.migrations_dir / f"{revision}_{name}.py"))
    for source in sorted((HERE / "tests").glob("*.tmpl")):
        filename = source.with_suffix("").name
        if filename.startswith("test_"):
            filename = filename.replace("test_", f"test_{name}_", 1)
        targets.append((source, scaffold.tests_dir / filename))
    written: list[Path] = []
    for source, target in targets:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(Template(source.read_text(encoding="utf-8")).substitute(values), encoding="utf-8")
        written.append(target)
    _tidy([p for p in written if p.suffix == ".py"])
    return written


def _tidy(paths: list[Path]) -> None:
    """Sort imports and format the generated code as the repository does (when ruff is here)."""
    ruff = shutil.which("ruff") or str(Path(sys.executable).parent / "ruff")
    if not Path(ruff).exists():
        return
    names = [str(p) for p in paths]
    subprocess.run([ruff, "check", "--fix", "--quiet", "--select", "I", *names], check=False, cwd=REPO_ROOT)  # noqa: S603
    subprocess.run([ruff, "format", "--quiet", *names], check=False, cwd=REPO_ROOT)  # noqa: S603
