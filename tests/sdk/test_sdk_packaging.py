"""`pip install ./sdk` works on its own: a fresh virtual environment, no server package."""

from __future__ import annotations

import shutil
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

from bizsuite.settings import REPO_ROOT

from tests.conftest import TenantHandle
from tests.sdk.conftest import PYTHON_EXAMPLES, run_example, user_env

SDK = REPO_ROOT / "sdk"

#: Each step of issue 11's "Done when" and a string found only in the guide's example doing it.
DONE_WHEN = {
    "quick start": "Connected to",
    "list tier-A accounts": 'list(tier="A")',
    "create with an idempotency key": "idempotency_key=key",
    "update with the version from the object": "version=account,",
    "catch NotFoundError": "except NotFoundError",
    "verify a webhook delivery": "CrmTicketCreated T-0001",
    "advance a sandbox's clock": "clock.advance(minutes=21)",
}


def sdk_source(target: Path) -> Path:
    """A copy of sdk/ as committed (builds write into the source tree; keep ours clean)."""
    return Path(
        shutil.copytree(
            SDK,
            target / "sdk",
            ignore=shutil.ignore_patterns("build", "*.egg-info", "__pycache__", ".*_cache"),
        )
    )


def pip(python: Path | str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(python), "-m", "pip", "--disable-pip-version-check", *args],
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_the_wheel_holds_both_packages_and_needs_only_httpx_and_attrs(tmp_path: Path) -> None:
    built = pip(
        sys.executable, "wheel", "--no-deps", "-q", "-w", str(tmp_path / "dist"), str(sdk_source(tmp_path))
    )
    assert built.returncode == 0, built.stderr
    (wheel,) = (tmp_path / "dist").glob("bizsuite_client-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        metadata = next(archive.read(n).decode() for n in names if n.endswith(".dist-info/METADATA"))
    assert {
        "bizsuite_client/py.typed",
        "bizsuite_sdk/py.typed",
        "bizsuite_client/api/org_units/list_org_units.py",
    } <= names
    assert {n.split("/")[0] for n in names if not n.split("/")[0].endswith(".dist-info")} == {
        "bizsuite_client",
        "bizsuite_sdk",
    }
    requires = [
        line.split(":", 1)[1].strip() for line in metadata.splitlines() if line.startswith("Requires-Dist:")
    ]
    core = sorted(r.split(";")[0].strip() for r in requires if "extra ==" not in r)
    assert [r.split("<")[0].split(">")[0] for r in core] == ["attrs", "httpx"]
    # The reference player's WebSocket client is an extra (`pip install "./sdk[player]"`).
    extras = [r for r in requires if "extra ==" in r]
    assert [r.split(">")[0] for r in extras] == ["websockets"] and all('"player"' in r for r in extras)


def test_a_new_user_installs_the_sdk_and_does_what_the_guide_shows(
    tmp_path: Path, live_server: str, tenant_a: TenantHandle, demo_sandbox_key: str
) -> None:
    """Issue 11's "Done when", literally: a fresh virtual environment with only `pip install ./sdk`,
    then docs/sdk.md's examples — tier-A accounts in a `for` loop, a create with an idempotency
    key, an update with the version from the object, `NotFoundError` on a wrong id, a verified
    (typed) webhook delivery, and the test-clock walk in the demo's sandbox tenant."""
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True, system_site_packages=False).create(env_dir)
    python = env_dir / "bin" / "python"
    installed = pip(python, "install", "-q", str(sdk_source(tmp_path)))
    assert installed.returncode == 0, installed.stderr

    probe = subprocess.run(
        [
            str(python),
            "-c",
            "import importlib.util as u; print(u.find_spec('bizsuite'), u.find_spec('litestar'))",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert probe.stdout.split() == ["None", "None"]  # the SDK does not bring the server along

    env = user_env(live_server, tenant_a.api_key, demo_sandbox_key)
    del env["PYTHONPATH"]  # only what pip installed
    outputs: dict[str, str] = {}
    for step, marker in DONE_WHEN.items():
        (example,) = [e for e in PYTHON_EXAMPLES if e.source == "docs/sdk.md" and marker in e.code]
        result = run_example(example.code, env, python=str(python))
        assert result.returncode == 0, f"{step} ({example.name}):\n{result.stderr}"
        outputs[step] = result.stdout
    assert "Connected to" in outputs["quick start"]
    assert "created HX-" in outputs["create with an idempotency key"]
    assert "Kiosk, east gate is now version 2" in outputs["update with the version from the object"]
    assert "404 Not found request " in outputs["catch NotFoundError"]
    assert outputs["verify a webhook delivery"] == "CrmTicketCreated T-0001\n"
    assert outputs["advance a sandbox's clock"].startswith("20 分钟内人员到场 breached ")


def test_the_sdk_version_follows_the_apis() -> None:
    import json
    import tomllib

    api = json.loads((SDK / "openapi.json").read_text(encoding="utf-8"))["info"]["version"]
    sdk = tomllib.loads((SDK / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    assert sdk == api
    assert "## Unreleased" in (SDK / "CHANGELOG.md").read_text(encoding="utf-8")
