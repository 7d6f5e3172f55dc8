"""The storage backends themselves, and the signed-link download route of the local backend."""

from __future__ import annotations

import time
import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from bizsuite.core.files.rules import DownloadGrant, object_key, sign_download
from bizsuite.core.files.storage import LocalStorage, S3Storage, StorageKeyError

from tests.conftest import TenantHandle
from tests.core.files.conftest import FilesEnv, s3_client

MIB = 1024 * 1024


async def chunks(
    total: int, size: int = 256 * 1024, *, fail_after: int | None = None
) -> AsyncIterator[bytes]:
    sent = 0
    while sent < total:
        if fail_after is not None and sent >= fail_after:
            raise ConnectionResetError("client went away")
        piece = min(size, total - sent)
        yield bytes([sent // size % 251]) * piece
        sent += piece


@pytest.fixture
def s3_storage(moto_endpoint: str) -> S3Storage:
    return S3Storage(
        bucket=f"bizsuite-{uuid.uuid4().hex[:12]}",
        region="us-east-1",
        endpoint_url=moto_endpoint,
        access_key_id="testing",
        secret_access_key="testing",
        part_size=5 * MIB,
    )


async def test_s3_streams_a_large_file_in_parts(s3_storage: S3Storage, moto_endpoint: str) -> None:
    key = object_key(uuid.uuid4(), uuid.uuid4())
    parts_seen: list[int] = []
    client = s3_client(moto_endpoint)

    async def watched() -> AsyncIterator[bytes]:
        async for piece in chunks(11 * MIB):
            uploads = client.list_multipart_uploads(Bucket=s3_storage.bucket).get("Uploads", [])
            if uploads:
                listed = client.list_parts(Bucket=s3_storage.bucket, Key=key, UploadId=uploads[0]["UploadId"])
                parts_seen.append(len(listed.get("Parts", [])))
            yield piece

    await s3_storage.save(key, watched(), content_type="application/zip")
    head = client.head_object(Bucket=s3_storage.bucket, Key=key)
    assert head["ContentLength"] == 11 * MIB
    assert head["ContentType"] == "application/zip"
    # Parts left for S3 while the stream was still arriving: memory holds one part at most.
    assert max(parts_seen) >= 2
    assert await s3_storage.exists(key)
    await s3_storage.delete(key)
    assert not await s3_storage.exists(key)


async def test_s3_aborts_a_failed_stream_and_keeps_nothing(s3_storage: S3Storage, moto_endpoint: str) -> None:
    key = object_key(uuid.uuid4(), uuid.uuid4())
    with pytest.raises(ConnectionResetError):
        await s3_storage.save(key, chunks(12 * MIB, fail_after=7 * MIB), content_type="application/zip")
    client = s3_client(moto_endpoint)
    assert client.list_multipart_uploads(Bucket=s3_storage.bucket).get("Uploads", []) == []
    assert client.list_objects_v2(Bucket=s3_storage.bucket).get("Contents", []) == []


async def test_local_storage_keeps_nothing_of_a_failed_stream(tmp_path: Path) -> None:
    storage = LocalStorage(tmp_path, "secret")
    key = object_key(uuid.uuid4(), uuid.uuid4())
    with pytest.raises(ConnectionResetError):
        await storage.save(key, chunks(2 * MIB, fail_after=MIB), content_type="application/zip")
    assert _files_under(tmp_path) == []
    await storage.save(key, chunks(MIB), content_type="application/zip")
    assert storage.path_for(key).stat().st_size == MIB


def _files_under(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file()]


@pytest.mark.parametrize("backend", ["local", "s3"])
async def test_backends_refuse_keys_outside_a_tenant_prefix(
    backend: str, tmp_path: Path, request: Any
) -> None:
    storage = (
        LocalStorage(tmp_path, "secret") if backend == "local" else request.getfixturevalue("s3_storage")
    )
    tenant = uuid.uuid4()
    for key in ("etc/passwd", f"tenants/{tenant}/../../etc/passwd", f"tenants/{tenant}", "tenants/x/files/y"):
        with pytest.raises(StorageKeyError):
            await storage.download_url(key, filename="x", content_type="text/plain", expires_in=60)
        with pytest.raises(StorageKeyError):
            await storage.delete(key)
        with pytest.raises(StorageKeyError):
            await storage.read(key)


@pytest.mark.parametrize("backend", ["local", "s3"])
async def test_backends_read_back_what_they_stored(backend: str, tmp_path: Path, request: Any) -> None:
    storage = (
        LocalStorage(tmp_path, "secret") if backend == "local" else request.getfixturevalue("s3_storage")
    )
    key = object_key(uuid.uuid4(), uuid.uuid4())
    content = "客户编码,月份,金额\nC-001,2026-10,100\n".encode()

    async def pieces() -> AsyncIterator[bytes]:
        for start in range(0, len(content), 7):
            yield content[start : start + 7]

    await storage.save(key, pieces(), content_type="text/csv")
    assert await storage.read(key) == content


def _link(env: FilesEnv, grant: DownloadGrant, secret: str | None = None) -> str:
    token = sign_download(secret or env.settings.resolved_secret_key(), grant)
    return f"/api/v1/files/content?token={token}"


async def _upload(env: FilesEnv, tenant: TenantHandle) -> dict[str, Any]:
    response = await env.client.post(
        "/api/v1/files",
        content=b"%PDF-1.7 secret",
        params={"name": "secret.pdf"},
        headers={**tenant.headers, "Content-Type": "application/pdf"},
    )
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


async def test_signed_links_cannot_be_retargeted_or_reused_late(
    files_env: FilesEnv, tenant_a: TenantHandle, tenant_b: TenantHandle
) -> None:
    if files_env.backend != "local":
        pytest.skip("signed links belong to the local backend; S3 signs its own presigned URLs")
    secret_of_a = await _upload(files_env, tenant_a)
    key_of_a = object_key(tenant_a.id, uuid.UUID(secret_of_a["id"]))
    own = await _upload(files_env, tenant_b)
    link = (
        await files_env.client.get(f"/api/v1/files/{own['id']}/download-url", headers=tenant_b.headers)
    ).json()["url"]
    assert (await files_env.fetch(link)).content == b"%PDF-1.7 secret"

    # Tenant B swaps tenant A's key into its own genuine link: the signature no longer matches.
    token = link.split("token=")[1]
    payload, _, signature = token.partition(".")
    forged_payload = sign_download(
        "whatever", DownloadGrant(key_of_a, "x.pdf", "application/pdf", 2**40)
    ).partition(".")[0]
    forged = await files_env.fetch(f"/api/v1/files/content?token={forged_payload}.{signature}")
    assert forged.status_code == 403 and forged.json()["type"].endswith("/download-link-invalid")
    wrong_secret = await files_env.fetch(
        _link(files_env, DownloadGrant(key_of_a, "x", "text/plain", 2**40), "guess")
    )
    assert wrong_secret.status_code == 403

    expired = await files_env.fetch(
        _link(files_env, DownloadGrant(key_of_a, "x.pdf", "application/pdf", int(time.time()) - 1))
    )
    assert expired.status_code == 403 and expired.json()["type"].endswith("/download-link-expired")
    escaping = await files_env.fetch(
        _link(files_env, DownloadGrant(f"tenants/{tenant_a.id}/../../secret_key", "k", "text/plain", 2**40))
    )
    assert escaping.status_code == 403
    assert (await files_env.fetch("/api/v1/files/content?token=nonsense")).status_code == 403
    assert payload


async def test_download_links_expire_after_the_configured_time(
    files_env: FilesEnv, tenant_a: TenantHandle
) -> None:
    row = await _upload(files_env, tenant_a)
    before = time.time()
    link = (
        await files_env.client.get(f"/api/v1/files/{row['id']}/download-url", headers=tenant_a.headers)
    ).json()
    from datetime import datetime

    expires = datetime.fromisoformat(link["expires_at"]).timestamp()
    ttl = files_env.settings.download_url_ttl_seconds
    assert before + ttl - 5 <= expires <= time.time() + ttl + 5
    if files_env.backend == "s3":
        assert f"X-Amz-Expires={ttl}" in link["url"]
        assert link["url"].startswith(files_env.settings.s3_endpoint_url)
