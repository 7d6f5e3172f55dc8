"""``bizsuite storage migrate``: after switching ``BIZSUITE_STORAGE`` from local to S3 (moto_server),
the command moves every stored file, downloads work again, and a lost object is reported, not
hidden; its link is refused with a 404 problem."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import uuid
from dataclasses import replace
from pathlib import Path
from typing import Any

import httpx
from bizsuite.app import create_app
from bizsuite.core.files.rules import object_key
from bizsuite.settings import Settings
from litestar.testing import AsyncTestClient

from tests.conftest import TenantHandle
from tests.core.files.conftest import s3_client

FILES = "/api/v1/files"
PDF = b"%PDF-1.7\n" + b"a page\n" * 100


def _key(tenant: TenantHandle, row: dict[str, Any]) -> str:
    return object_key(tenant.id, uuid.UUID(row["id"]))


def _command(settings: Settings, *args: str) -> subprocess.CompletedProcess[str]:
    """Run the real ``bizsuite`` command with the settings as its environment."""
    env = {
        **os.environ,
        "BIZSUITE_DATABASE_URL": settings.database_url,
        "BIZSUITE_DATA_DIR": str(settings.data_dir),
        "BIZSUITE_SECRET_KEY": settings.secret_key,
        "BIZSUITE_S3_ENDPOINT_URL": settings.s3_endpoint_url,
        "BIZSUITE_S3_BUCKET": settings.s3_bucket,
        "BIZSUITE_S3_ACCESS_KEY_ID": settings.s3_access_key_id,
        "BIZSUITE_S3_SECRET_ACCESS_KEY": settings.s3_secret_access_key,
    }
    binary = Path(sys.executable).parent / "bizsuite"
    return subprocess.run(
        [str(binary), *args], env=env, capture_output=True, text=True, timeout=120, check=False
    )


async def _upload(
    client: AsyncTestClient[Any], tenant: TenantHandle, name: str, body: bytes
) -> dict[str, Any]:
    response = await client.post(
        FILES,
        content=body,
        params={"name": name},
        headers={**tenant.headers, "Content-Type": "application/pdf"},
    )
    assert response.status_code == 201, response.text
    row: dict[str, Any] = response.json()
    return row


async def test_migrate_moves_local_files_to_s3_and_reports_lost_ones(
    settings: Settings,
    moto_endpoint: str,
    tmp_path: Path,
    tenant_a: TenantHandle,
    tenant_b: TenantHandle,
) -> None:
    local = replace(
        settings,
        data_dir=tmp_path,
        s3_endpoint_url=moto_endpoint,
        s3_bucket=f"bizsuite-{uuid.uuid4().hex[:12]}",
        s3_access_key_id="testing",
        s3_secret_access_key="testing",
    )
    on_s3 = replace(local, storage="s3")
    bodies = {"a.pdf": PDF + b"a", "b.pdf": PDF + b"b", "lost.pdf": PDF + b"lost"}
    async with AsyncTestClient(create_app(local)) as client:
        kept = await _upload(client, tenant_a, "a.pdf", bodies["a.pdf"])
        other = await _upload(client, tenant_b, "b.pdf", bodies["b.pdf"])
        lost = await _upload(client, tenant_a, "lost.pdf", bodies["lost.pdf"])
    (tmp_path / "files" / _key(tenant_a, lost)).unlink()

    async with AsyncTestClient(create_app(on_s3)) as client:
        # Switched to S3 before migrating: no dead links, a 404 problem.
        dead = await client.get(f"{FILES}/{kept['id']}/download-url", headers=tenant_a.headers)
        assert dead.status_code == 404, dead.text
        assert dead.headers["content-type"].startswith("application/problem+json")

        first = _command(local, "storage", "migrate", "--from", "local", "--to", "s3", "--delete-source")
        assert first.returncode == 1, first.stdout + first.stderr
        assert "moved 2 files to s3" in first.stdout
        assert f"{tenant_a.id}/{lost['id']}" in first.stderr

        for tenant, row in ((tenant_a, kept), (tenant_b, other)):
            link = await client.get(f"{FILES}/{row['id']}/download-url", headers=tenant.headers)
            assert link.status_code == 200, link.text
            async with httpx.AsyncClient() as plain:
                fetched = await plain.get(link.json()["url"])
            assert fetched.status_code == 200
            assert hashlib.sha256(fetched.content).hexdigest() == row["sha256"]
            # The object left the local folder once its row committed.
            assert not (tmp_path / "files" / _key(tenant, row)).exists()
        assert (
            await client.get(f"{FILES}/{lost['id']}/download-url", headers=tenant_a.headers)
        ).status_code == 404

    s3 = s3_client(moto_endpoint)
    listed = s3.list_objects_v2(Bucket=on_s3.s3_bucket)
    assert sorted(o["Key"] for o in listed.get("Contents", [])) == sorted(
        [_key(tenant_a, kept), _key(tenant_b, other)]
    )
    # Running it again changes nothing and still names the lost file.
    again = _command(local, "storage", "migrate", "--from", "local", "--to", "s3")
    assert "moved 0 files to s3" in again.stdout
    assert again.returncode == 1
