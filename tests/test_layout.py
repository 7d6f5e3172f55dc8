"""The repository layout the architecture promises."""

from __future__ import annotations

import importlib
import sys

from bizsuite.settings import REPO_ROOT


def test_import_platform_gives_the_standard_library() -> None:
    module = importlib.import_module("platform")
    assert callable(module.system)
    assert "site-packages" not in (module.__file__ or "")
    assert not (REPO_ROOT / "platform" / "__init__.py").exists()
    assert module.python_version() == ".".join(map(str, sys.version_info[:3]))


def test_required_top_level_layout_exists() -> None:
    for name in ("platform", "sdk", "tenants", "migrations", "docs", "infra", "tests"):
        assert (REPO_ROOT / name).is_dir(), name
    assert (REPO_ROOT / "pyproject.toml").is_file()
    assert (REPO_ROOT / "platform" / "bizsuite" / "app.py").is_file()


def test_migrations_form_one_linear_history() -> None:
    from alembic.script import ScriptDirectory
    from bizsuite.core.migrate import alembic_config

    script = ScriptDirectory.from_config(alembic_config())
    assert len(script.get_heads()) == 1
    assert len(script.get_bases()) == 1
