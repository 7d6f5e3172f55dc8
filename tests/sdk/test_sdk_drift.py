"""The drift check: CI fails when sdk/ differs from what the current code generates."""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from bizsuite.settings import REPO_ROOT

SCRIPT = REPO_ROOT / "scripts" / "generate_sdk.py"


def load_generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("generate_sdk", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses resolve their module by name
    spec.loader.exec_module(module)
    return module


generate_sdk = load_generator()


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One clean generation from the current code."""
    target = tmp_path_factory.mktemp("fresh-sdk")
    generate_sdk.generate(target)
    return target


def copy_of_committed_sdk(target: Path) -> Path:
    shutil.copyfile(generate_sdk.SDK_DIR / "openapi.json", target / "openapi.json")
    shutil.copytree(
        generate_sdk.SDK_DIR / "bizsuite_client", target / "bizsuite_client", ignore=generate_sdk.IGNORED
    )
    return target


def test_the_committed_sdk_matches_the_code(fresh: Path) -> None:
    drift = generate_sdk.compare(fresh, generate_sdk.SDK_DIR)
    assert not drift, drift.summary()


def test_the_ci_entry_point_passes_on_the_committed_sdk() -> None:
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--check"], capture_output=True, text=True, timeout=300, cwd=REPO_ROOT
    )
    assert result.returncode == 0, result.stderr
    assert "sdk/ is up to date" in result.stdout


def test_changing_a_routes_schema_without_regenerating_fails_the_check() -> None:
    spec = json.loads(generate_sdk.render_spec())
    create = spec["components"]["schemas"]["OrgUnitCreate"]
    create["properties"]["cost_centre"] = {"type": "string", "maxLength": 32}
    create["required"].append("cost_centre")
    changed = json.dumps(spec, indent=2, ensure_ascii=False, sort_keys=True) + "\n"

    drift = generate_sdk.check(spec_text=changed)

    assert drift
    assert "openapi.json" in drift.changed
    assert "bizsuite_client/models/org_unit_create.py" in drift.changed
    assert "cost_centre" in drift.summary()
    assert "make sdk" in drift.summary()


def test_a_hand_edit_to_generated_code_fails_the_check(fresh: Path, tmp_path: Path) -> None:
    sdk = copy_of_committed_sdk(tmp_path)
    edited = sdk / "bizsuite_client" / "api" / "org_units" / "get_org_unit.py"
    edited.write_text(edited.read_text() + "\n# a quick fix\n")
    (sdk / "bizsuite_client" / "helpers.py").write_text("def handy() -> None: ...\n")
    (sdk / "bizsuite_client" / "py.typed").unlink()

    drift = generate_sdk.compare(fresh, sdk)

    assert drift.changed == ["bizsuite_client/api/org_units/get_org_unit.py"]
    assert drift.unexpected == ["bizsuite_client/helpers.py"]
    assert drift.missing == ["bizsuite_client/py.typed"]


def test_regenerating_rewrites_the_generated_package_only(tmp_path: Path, fresh: Path) -> None:
    sdk = copy_of_committed_sdk(tmp_path)
    (sdk / "bizsuite_client" / "stale_module.py").write_text("")
    (sdk / "bizsuite_sdk").mkdir()
    (sdk / "bizsuite_sdk" / "__init__.py").write_text("# hand-written\n")

    generate_sdk.write(sdk, spec_text=(fresh / "openapi.json").read_text())

    assert not generate_sdk.compare(fresh, sdk)
    assert (sdk / "bizsuite_sdk" / "__init__.py").read_text() == "# hand-written\n"


def test_a_spec_the_generator_warns_about_is_refused(tmp_path: Path) -> None:
    spec = json.loads((generate_sdk.SDK_DIR / "openapi.json").read_text())
    spec["components"]["schemas"]["OrgUnitCreate"]["properties"]["owner"] = {
        "$ref": "#/components/schemas/Nowhere"
    }
    with pytest.raises(generate_sdk.GenerationError, match="Nowhere"):
        generate_sdk.generate(tmp_path, spec_text=json.dumps(spec))
