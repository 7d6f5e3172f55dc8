"""docs/sandbox.md's Python example runs against a live server with a sandbox tenant's key."""

from __future__ import annotations

import httpx
import pytest
from bizsuite.settings import REPO_ROOT
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.core.test_sandbox_clock import make_sandbox
from tests.sdk.conftest import examples, run_example, user_env

GUIDE = REPO_ROOT / "docs" / "sandbox.md"


async def test_the_guides_python_example_advances_the_clock(
    live_server: str, app_engine: AsyncEngine
) -> None:
    # The sandbox operations join the generated client with the next `make sdk`.
    pytest.importorskip("bizsuite_client.api.sandbox")
    sandbox = await make_sandbox(app_engine)
    python = [e for e in examples(GUIDE) if e.language == "python"]
    assert python
    for example in python:
        result = run_example(example.code, user_env(live_server, sandbox.api_key))
        assert result.returncode == 0, f"{example.name} failed:\n{result.stderr}"
    async with httpx.AsyncClient(base_url=live_server, headers=sandbox.headers) as client:
        shown = (await client.get("/api/v1/sandbox/clock")).json()
    assert shown["offset_seconds"] >= 21 * 60 - 1
