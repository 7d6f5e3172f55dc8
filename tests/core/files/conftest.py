"""File fixtures: a real HTTP S3 endpoint (``moto_server`` on loopback, started here) and the app
configured for each storage backend, with ways to look inside the storage itself."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import uuid
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import boto3
import httpx
import pytest
from bizsuite.app import create_app
from bizsuite.core.identity.models import Role
from bizsuite.settings import Settings
from botocore.config import Config
from litestar.testing import AsyncTestClient
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import TenantHandle
from tests.core.approvals.conftest import Person, PersonMaker, create_person

Client = AsyncTestClient[Any]
#: Small enough that the "too large" tests send little.
MAX_UPLOAD = 64 * 1024


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="session")
def moto_endpoint() -> Iterator[str]:
    """Start ``moto_server`` from the virtualenv on a free loopback port; stop it at the end."""
    binary = Path(sys.executable).parent / "moto_server"
    port = _free_port()
    process = subprocess.Popen(
        [str(binary), "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    endpoint = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(f"{endpoint}/moto-api/", timeout=1).status_code < 500:
                    break
            except httpx.TransportError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("moto_server did not start")
            time.sleep(0.1)
        yield endpoint
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def s3_client(endpoint: str) -> Any:
    return boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
        config=Config(s3={"addressing_style": "path"}),
    )


@dataclass
class FilesEnv:
    """The app on one storage backend, and a look inside that storage."""

    backend: str
    client: Client
    settings: Settings
    s3: Any = None

    def objects(self, tenant_id: uuid.UUID) -> list[str]:
        """Every object (and every unfinished upload) under the tenant's prefix."""
        prefix = f"tenants/{tenant_id}/"
        if self.backend == "s3":
            listed = self.s3.list_objects_v2(Bucket=self.settings.s3_bucket, Prefix=prefix)
            uploads = self.s3.list_multipart_uploads(Bucket=self.settings.s3_bucket, Prefix=prefix)
            return [o["Key"] for o in listed.get("Contents", [])] + [
                "multipart:" + u["Key"] for u in uploads.get("Uploads", [])
            ]
        root = self.settings.data_dir / "files"
        return sorted(str(p.relative_to(root)) for p in (root / prefix).rglob("*") if p.is_file())

    async def fetch(self, url: str) -> httpx.Response:
        """Follow a download link the way a browser would: no credentials."""
        if self.backend == "s3":
            async with httpx.AsyncClient() as plain:
                return await plain.get(url)
        self.client.cookies.clear()
        return await self.client.get(url)


@pytest.fixture(scope="module", params=["local", "s3"])
async def files_env(
    request: pytest.FixtureRequest, settings: Settings, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[FilesEnv]:
    """The application with a small upload limit, on the local folder or on S3 (moto)."""
    backend: str = request.param
    configured = replace(settings, max_upload_bytes=MAX_UPLOAD, data_dir=tmp_path_factory.mktemp("files"))
    s3 = None
    if backend == "s3":
        endpoint = request.getfixturevalue("moto_endpoint")
        configured = replace(
            configured,
            storage="s3",
            s3_endpoint_url=endpoint,
            s3_bucket=f"bizsuite-{uuid.uuid4().hex[:12]}",
            s3_access_key_id="testing",
            s3_secret_access_key="testing",
        )
        s3 = s3_client(endpoint)
    async with AsyncTestClient(create_app(configured)) as client:
        yield FilesEnv(backend, client, configured, s3)


@pytest.fixture
def add_person(app_engine: AsyncEngine) -> PersonMaker:
    """Factory: a member with an API key of their own."""

    async def factory(tenant: TenantHandle, name: str, role: Role = Role.MEMBER) -> Person:
        return await create_person(app_engine, tenant, name, role)

    return factory
