"""A real BizSuite server on a loopback port, SDK clients pointed at it, and the guides' examples."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from bizsuite.settings import REPO_ROOT
from bizsuite_client import AuthenticatedClient
from bizsuite_sdk import RetryPolicy, RetryTransport, create_client
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import OPERATOR_TOKEN, TenantHandle


def sdk_client(base_url: str, api_key: str, *, max_retries: int = 0) -> AuthenticatedClient:
    """A client as integrators build it; retries off unless a test is about retries."""
    return create_client(api_key, base_url, transport=RetryTransport(RetryPolicy(max_retries=max_retries)))


@pytest.fixture
def client_a(live_server: str, tenant_a: TenantHandle) -> Iterator[AuthenticatedClient]:
    """Tenant A's admin API key, over HTTP."""
    with sdk_client(live_server, tenant_a.api_key) as client:
        yield client


@pytest.fixture
def client_b(live_server: str, tenant_b: TenantHandle) -> Iterator[AuthenticatedClient]:
    """Tenant B's admin API key, over HTTP."""
    with sdk_client(live_server, tenant_b.api_key) as client:
        yield client


@pytest.fixture
def operator_client(live_server: str) -> Iterator[AuthenticatedClient]:
    """The platform operator's token (the tenants registry)."""
    with sdk_client(live_server, OPERATOR_TOKEN) as client:
        yield client


DOCS = REPO_ROOT / "docs" / "sdk.md"
SDK_README = REPO_ROOT / "sdk" / "README.md"
FENCE = re.compile(r"^```(?P<lang>\w*)\n(?P<code>.*?)^```$", re.MULTILINE | re.DOTALL)


@dataclass(frozen=True)
class Example:
    """One fenced code block of a guide."""

    source: str
    line: int
    language: str
    code: str

    @property
    def name(self) -> str:
        return f"{self.source}:{self.line}"


def examples(path: Path) -> list[Example]:
    """Return the fenced code blocks of a Markdown file, with where each starts."""
    text = path.read_text(encoding="utf-8")
    source = path.relative_to(REPO_ROOT).as_posix()
    return [
        Example(source, text.count("\n", 0, match.start()) + 1, match["lang"], match["code"])
        for match in FENCE.finditer(text)
    ]


#: Every Python example of the SDK guides; each one runs in the tests.
PYTHON_EXAMPLES = [e for guide in (DOCS, SDK_README) for e in examples(guide) if e.language == "python"]


def run_example(
    code: str, env: dict[str, str], python: str = sys.executable
) -> subprocess.CompletedProcess[str]:
    """Run ``code`` as a user would: a fresh interpreter, configured only by the environment."""
    return subprocess.run(
        [python, "-c", code], capture_output=True, text=True, env=env, timeout=120, cwd=REPO_ROOT / "docs"
    )


def user_env(live_server: str, api_key: str, sandbox_api_key: str | None = None) -> dict[str, str]:
    """A user's environment: the SDK settings, nothing from the test process's BIZSUITE_*
    (``BIZSUITE_SANDBOX_API_KEY`` is a sandbox tenant's key, as `make demo` prints one)."""
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("BIZSUITE_", "PYTEST", "PYTHON_EXAMPLES"))
    }
    env.update(
        BIZSUITE_API_KEY=api_key,
        BIZSUITE_BASE_URL=live_server,
        BIZSUITE_OPERATOR_TOKEN=OPERATOR_TOKEN,
        PYTHONPATH=str(REPO_ROOT / "sdk"),
    )
    if sandbox_api_key is not None:
        env["BIZSUITE_SANDBOX_API_KEY"] = sandbox_api_key
    return env


#: What an example reads to act in a sandbox tenant (the demo's "Sandbox API key:").
SANDBOX_KEY_VARIABLE = "BIZSUITE_SANDBOX_API_KEY"


async def demo_sandbox(engine: AsyncEngine, key_file: Path) -> str:
    """Apply tenants/demo-sandbox.toml as `make demo` does (under a fresh slug, with the main
    demo's SLA policies) and return the sandbox tenant's API key."""
    from bizsuite.core.blueprints import load_blueprint, parse_blueprint
    from bizsuite.core.demo import SANDBOX_BLUEPRINT, SANDBOX_KEY_NAME, _apply_with_key, _with_policies_of

    path = REPO_ROOT / "tenants" / SANDBOX_BLUEPRINT
    text = path.read_text(encoding="utf-8")
    slug = f"sandbox-{uuid.uuid4().hex[:10]}"
    assert 'slug = "huaxin-sandbox"' in text
    sandbox = parse_blueprint(text.replace('slug = "huaxin-sandbox"', f'slug = "{slug}"'), path)
    sandbox = _with_policies_of(sandbox, load_blueprint(REPO_ROOT / "tenants" / "demo.toml"))
    assert sandbox.tenant.sandbox
    secret, _companions = await _apply_with_key(engine, sandbox, path.name, key_file, SANDBOX_KEY_NAME)
    return secret


@pytest.fixture
async def demo_sandbox_key(app_engine: AsyncEngine, tmp_path: Path) -> str:
    """The API key of a sandbox tenant made from tenants/demo-sandbox.toml, as `make demo` makes it."""
    return await demo_sandbox(app_engine, tmp_path / "demo-sandbox-api-key")


@pytest.fixture
async def demo_plans(app_engine: AsyncEngine) -> None:
    """The plan catalogue `make demo` loads (infra/plans.toml: starter, team, business)."""
    from bizsuite.core.demo import apply_demo_plans

    await apply_demo_plans(app_engine)
