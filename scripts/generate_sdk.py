"""Regenerate the Python SDK from the code's OpenAPI document, or check that it is up to date.

    python scripts/generate_sdk.py          # write sdk/openapi.json and sdk/bizsuite_client/
    python scripts/generate_sdk.py --check  # exit 1 with a diff summary if either is stale

Both modes generate into a temporary folder first, so ``--check`` compares exactly what a
regeneration would write. ``sdk/bizsuite_client`` is replaced wholesale; the hand-written
layer (``sdk/bizsuite_sdk``, ``sdk/pyproject.toml``, ``sdk/README.md``) is never touched.
"""

from __future__ import annotations

import argparse
import difflib
import filecmp
import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

REPO_ROOT = Path(__file__).resolve().parents[1]
SDK_DIR = REPO_ROOT / "sdk"
CONFIG = SDK_DIR / "openapi-python-client.yaml"
SPEC_NAME = "openapi.json"
PACKAGE = "bizsuite_client"
#: The generator and the formatter its post hooks run: the output depends on both.
GENERATOR_VERSION = "0.29.1"
RUFF_VERSION = "0.17.6"
#: Not part of the generated output (caches of whoever imported or linted the package).
IGNORED = shutil.ignore_patterns("__pycache__", "*.pyc", ".ruff_cache", ".mypy_cache")
MAX_DIFF_LINES = 200


class GenerationError(RuntimeError):
    """The spec or the client could not be generated cleanly (including generator warnings)."""


@dataclass
class Drift:
    """What differs between the committed SDK and a fresh generation (relative paths)."""

    changed: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    unexpected: list[str] = field(default_factory=list)
    diff: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.changed or self.missing or self.unexpected)

    def summary(self) -> str:
        """Human-readable report for CI logs."""
        lines = ["sdk/ is out of date with the code; run `make sdk` and commit the result."]
        lines += [f"  changed:    sdk/{path}" for path in self.changed]
        lines += [f"  missing:    sdk/{path}  (would be generated)" for path in self.missing]
        lines += [f"  unexpected: sdk/{path}  (would be removed)" for path in self.unexpected]
        if self.diff:
            shown = self.diff[:MAX_DIFF_LINES]
            lines += ["", *shown]
            if len(self.diff) > len(shown):
                lines.append(f"... {len(self.diff) - len(shown)} more diff lines")
        return "\n".join(lines)


def _bin_dir() -> Path:
    return Path(sys.executable).parent


def _check_tool_versions() -> None:
    try:
        import openapi_python_client
    except ImportError as exc:
        raise GenerationError("openapi-python-client is not installed (pip install -e '.[dev]')") from exc
    if openapi_python_client.__version__ != GENERATOR_VERSION:
        raise GenerationError(
            f"openapi-python-client {openapi_python_client.__version__} is installed; "
            f"the SDK is generated with {GENERATOR_VERSION} (pip install -e '.[dev]')"
        )
    ruff = shutil.which("ruff", path=str(_bin_dir())) or shutil.which("ruff")
    if ruff is None:
        raise GenerationError("ruff is not installed (pip install -e '.[dev]')")
    version = subprocess.run([ruff, "--version"], capture_output=True, text=True, check=True)
    words = version.stdout.split()
    if words[-1] != RUFF_VERSION:
        raise GenerationError(f"ruff {words[-1]} is installed; the SDK is formatted with {RUFF_VERSION}")


def render_spec() -> str:
    """Return the OpenAPI document exactly as ``bizsuite openapi`` writes it."""
    with tempfile.TemporaryDirectory(prefix="bizsuite-spec-") as folder:
        target = Path(folder) / SPEC_NAME
        # A child process: create_app() configures logging, which must not leak into callers.
        result = subprocess.run(
            [sys.executable, "-m", "bizsuite.cli", "openapi", "-o", str(target)],
            capture_output=True,
            text=True,
            cwd=REPO_ROOT,
        )
        if result.returncode != 0:
            raise GenerationError("`bizsuite openapi` failed:\n" + result.stderr)
        return target.read_text(encoding="utf-8")


def generate(target: Path, spec_text: str | None = None) -> None:
    """Write ``openapi.json`` and the generated ``bizsuite_client`` package into ``target``."""
    _check_tool_versions()
    target.mkdir(parents=True, exist_ok=True)
    spec = target / SPEC_NAME
    spec.write_text(render_spec() if spec_text is None else spec_text, encoding="utf-8")
    env = {**os.environ, "PATH": os.pathsep.join([str(_bin_dir()), os.environ.get("PATH", "")])}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "openapi_python_client",
            "generate",
            "--path",
            str(spec),
            "--config",
            str(CONFIG),
            "--meta",
            "none",
            "--output-path",
            str(target / PACKAGE),
            "--overwrite",
            "--fail-on-warning",
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=target,
    )
    noise = [line for line in (result.stdout + result.stderr).splitlines() if line.strip()]
    noise = [line for line in noise if not line.startswith("Generating ")]
    if result.returncode != 0 or noise:
        raise GenerationError("openapi-python-client did not generate cleanly:\n" + "\n".join(noise))
    # PEP 561: the package is typed (the generator writes this only with project metadata).
    (target / PACKAGE / "py.typed").write_text("# Marker file for PEP 561\n", encoding="utf-8")
    # The resource client (``BizSuite``, ``AsyncBizSuite``) from the spec and the generated code.
    write_resources(target / PACKAGE, json.loads(spec.read_text(encoding="utf-8")))
    _format(target / PACKAGE, env)
    shutil.rmtree(target / PACKAGE / ".ruff_cache", ignore_errors=True)


def _format(package: Path, env: dict[str, str]) -> None:
    """Run the configuration's post hooks again over the files added after the generator."""
    hooks = yaml_post_hooks()
    for hook in hooks:
        result = subprocess.run(shlex.split(hook), capture_output=True, text=True, env=env, cwd=package)
        if result.returncode != 0:
            raise GenerationError(f"`{hook}` failed:\n{result.stdout}{result.stderr}")


def yaml_post_hooks() -> list[str]:
    """The ``post_hooks`` of openapi-python-client.yaml (a flat list of quoted strings)."""
    hooks: list[str] = []
    in_hooks = False
    for line in CONFIG.read_text(encoding="utf-8").splitlines():
        if line.startswith("post_hooks:"):
            in_hooks = True
        elif in_hooks and line.strip().startswith("- "):
            hooks.append(line.strip()[2:].strip().strip('"'))
        elif in_hooks and line.strip() and not line.startswith((" ", "#")):
            in_hooks = False
    return hooks


RESOURCES_MARKER = "# --- resources ---"


def write_resources(package: Path, spec: dict[str, Any]) -> None:
    """Write ``resources.py``, ``events.py`` and the package's ``__init__.py`` (see ``sdk_resources``)."""
    from sdk_resources import NamingError, render_events, render_init, render_resources

    try:
        resources = render_resources(package, spec)
        events = render_events(spec)
    except NamingError as exc:
        raise GenerationError(f"the resource client cannot be generated: {exc}") from exc
    (package / "resources.py").write_text(resources, encoding="utf-8")
    (package / "events.py").write_text(events, encoding="utf-8")
    (package / "__init__.py").write_text(render_init(), encoding="utf-8")


def _generated_files(root: Path) -> set[str]:
    """The spec and the generated package's files under ``root`` (relative paths)."""
    files = {SPEC_NAME} if (root / SPEC_NAME).is_file() else set()
    skipped = {"__pycache__", ".ruff_cache", ".mypy_cache"}
    package = root / PACKAGE
    if package.is_dir():
        for path in package.rglob("*"):
            relative = path.relative_to(root)
            if path.is_file() and not skipped & set(relative.parts) and path.suffix != ".pyc":
                files.add(relative.as_posix())
    return files


def compare(expected: Path, actual: Path) -> Drift:
    """Compare a fresh generation (``expected``) with an SDK folder (``actual``)."""
    drift = Drift()
    want = _generated_files(expected)
    have = _generated_files(actual)
    drift.missing = sorted(want - have)
    drift.unexpected = sorted(have - want)
    for path in sorted(want & have):
        if filecmp.cmp(expected / path, actual / path, shallow=False):
            continue
        drift.changed.append(path)
        before = (actual / path).read_text(encoding="utf-8", errors="replace").splitlines()
        after = (expected / path).read_text(encoding="utf-8", errors="replace").splitlines()
        drift.diff += difflib.unified_diff(
            before, after, f"committed/sdk/{path}", f"generated/sdk/{path}", lineterm="", n=2
        )
    return drift


def check(sdk_dir: Path = SDK_DIR, spec_text: str | None = None) -> Drift:
    """Regenerate into a temporary folder and report how ``sdk_dir`` differs from it."""
    with tempfile.TemporaryDirectory(prefix="bizsuite-sdk-") as folder:
        fresh = Path(folder)
        generate(fresh, spec_text)
        return compare(fresh, sdk_dir)


def write(sdk_dir: Path = SDK_DIR, spec_text: str | None = None) -> Drift:
    """Regenerate ``sdk_dir``'s spec and generated package; return what changed."""
    with tempfile.TemporaryDirectory(prefix="bizsuite-sdk-") as folder:
        fresh = Path(folder)
        generate(fresh, spec_text)
        drift = compare(fresh, sdk_dir)
        sdk_dir.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(fresh / SPEC_NAME, sdk_dir / SPEC_NAME)
        shutil.rmtree(sdk_dir / PACKAGE, ignore_errors=True)
        shutil.copytree(fresh / PACKAGE, sdk_dir / PACKAGE, ignore=IGNORED)
        return drift


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--check", action="store_true", help="fail if sdk/ differs from a fresh generation")
    args = parser.parse_args(argv)
    try:
        if args.check:
            drift = check()
            if drift:
                print(drift.summary(), file=sys.stderr)
                return 1
            print("sdk/ is up to date")
            return 0
        drift = write()
    except GenerationError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    changed = len(drift.changed) + len(drift.missing) + len(drift.unexpected)
    print(f"regenerated sdk/ ({changed} file(s) changed)" if changed else "sdk/ was already up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
