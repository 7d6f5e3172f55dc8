"""Files through the API, the same tests on both backends: the local folder and S3 (moto_server)."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import AsyncIterator, Callable
from typing import Any

from bizsuite.core.identity.models import Role

from tests.conftest import TenantHandle, http_scope
from tests.core.approvals.conftest import PersonMaker
from tests.core.files.conftest import MAX_UPLOAD, FilesEnv

FILES = "/api/v1/files"
PDF = b"%PDF-1.7\n" + b"receipt line\n" * 400


async def upload(
    env: FilesEnv,
    headers: dict[str, str],
    content: bytes | AsyncIterator[bytes] = PDF,
    *,
    name: str = "receipt.pdf",
    content_type: str | None = "application/pdf",
    query: dict[str, str] | None = None,
    **params: str,
) -> Any:
    sent = dict(headers)
    if content_type is not None:
        sent["Content-Type"] = content_type
    return await env.client.post(
        FILES, content=content, params={"name": name, **params, **(query or {})}, headers=sent
    )


async def asgi_upload(
    env: FilesEnv,
    tenant: TenantHandle,
    chunks: list[bytes],
    *,
    on_chunk: Callable[[int], None] | None = None,
) -> tuple[int, bytes]:
    """Drive the ASGI app directly, body in separate messages and no Content-Length (as a
    chunked upload arrives from uvicorn); ``on_chunk(i)`` runs before chunk ``i`` is handed over."""
    app = env.client.app
    headers = {"Authorization": f"Bearer {tenant.api_key}", "Content-Type": "application/pdf"}
    scope = http_scope("POST", FILES, headers, b"name=big.pdf")
    position = 0

    async def receive() -> dict[str, Any]:
        nonlocal position
        if position >= len(chunks):
            return {"type": "http.disconnect"}
        if on_chunk is not None:
            on_chunk(position)
        chunk = chunks[position]
        position += 1
        return {"type": "http.request", "body": chunk, "more_body": position < len(chunks)}

    status = 0
    body = bytearray()

    async def send(message: dict[str, Any]) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]
        elif message["type"] == "http.response.body":
            body.extend(message.get("body", b""))

    # The test client runs the app in its own event loop (a portal thread): so must we.
    env.client.blocking_portal.call(app, scope, receive, send)
    return status, bytes(body)


async def uploaded(env: FilesEnv, tenant: TenantHandle, **kwargs: Any) -> dict[str, Any]:
    response = await upload(env, tenant.headers, **kwargs)
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


async def test_upload_download_and_delete(files_env: FilesEnv, tenant_a: TenantHandle) -> None:
    document_id = str(uuid.uuid4())
    row = await uploaded(
        files_env, tenant_a, name="合同 contract.pdf", document_type="contract", document_id=document_id
    )
    assert (row["name"], row["content_type"], row["size"]) == (
        "合同 contract.pdf",
        "application/pdf",
        len(PDF),
    )
    assert row["sha256"] == hashlib.sha256(PDF).hexdigest()
    assert files_env.objects(tenant_a.id) == [f"tenants/{tenant_a.id}/files/{row['id']}"]

    listed = await files_env.client.get(
        FILES, params={"document_type": "contract", "document_id": document_id}, headers=tenant_a.headers
    )
    assert [f["id"] for f in listed.json()["items"]] == [row["id"]]

    link = await files_env.client.get(f"{FILES}/{row['id']}/download-url", headers=tenant_a.headers)
    assert link.status_code == 200, link.text
    fetched = await files_env.fetch(link.json()["url"])
    assert fetched.status_code == 200, fetched.text
    assert fetched.content == PDF
    assert fetched.headers["content-type"].startswith("application/pdf")
    assert (
        "filename*=utf-8''%e5%90%88%e5%90%8c%20contract.pdf" in fetched.headers["content-disposition"].lower()
    )

    item = f"{FILES}/{row['id']}"
    assert (await files_env.client.delete(item, headers=tenant_a.headers)).status_code == 428
    deleted = await files_env.client.delete(item, headers={**tenant_a.headers, "If-Match": "1"})
    assert deleted.status_code == 204
    assert files_env.objects(tenant_a.id) == []
    assert (await files_env.client.get(item, headers=tenant_a.headers)).status_code == 404
    gone = await files_env.fetch(link.json()["url"])
    # S3 answers 403 rather than 404 for a missing key to signers without ListBucket.
    assert gone.status_code in {403, 404}
    log = await files_env.client.get(
        "/api/v1/audit-log", params={"target_id": row["id"]}, headers=tenant_a.headers
    )
    assert sorted(e["action"] for e in log.json()["items"]) == ["file.deleted", "file.uploaded"]


async def test_a_too_large_upload_is_413_and_stores_nothing(
    files_env: FilesEnv, tenant_a: TenantHandle
) -> None:
    too_large = b"%PDF-" + b"x" * MAX_UPLOAD
    declared = await upload(files_env, tenant_a.headers, too_large)
    assert declared.status_code == 413, declared.text
    assert declared.json()["type"].endswith("/payload-too-large")

    # No Content-Length: the limit holds on the bytes as they arrive, chunk by chunk.
    chunks = [b"%PDF-1.7\n"] + [b"y" * 4096] * (MAX_UPLOAD // 4096 + 1)
    status, body = await asgi_upload(files_env, tenant_a, chunks)
    assert status == 413, body
    assert files_env.objects(tenant_a.id) == []
    listed = await files_env.client.get(FILES, headers=tenant_a.headers)
    assert listed.json()["items"] == []
    just_fits = await upload(files_env, tenant_a.headers, b"%PDF-" + b"z" * (MAX_UPLOAD - 5))
    assert just_fits.status_code == 201


async def test_content_types_are_checked(files_env: FilesEnv, tenant_a: TenantHandle) -> None:
    headers = tenant_a.headers
    missing = await upload(files_env, headers, content_type=None)
    assert missing.status_code == 415 and missing.json()["type"].endswith("/unsupported-media-type")
    html = await upload(
        files_env, headers, b"<html><script>alert(1)</script>", name="x.html", content_type="text/html"
    )
    assert html.status_code == 415
    disguised = await upload(files_env, headers, PDF, name="photo.png", content_type="image/png")
    assert disguised.status_code == 422
    assert disguised.json()["errors"][0]["field"] == "content_type"
    empty = await upload(files_env, headers, b"", name="empty.txt", content_type="text/plain")
    assert empty.status_code == 422
    assert files_env.objects(tenant_a.id) == []
    # Clients that can only send application/octet-stream name the type as a query parameter.
    overridden = await upload(
        files_env,
        headers,
        PDF,
        content_type="application/octet-stream",
        query={"content_type": "application/pdf"},
    )
    assert overridden.status_code == 201 and overridden.json()["content_type"] == "application/pdf"
    text = await upload(
        files_env,
        headers,
        "备注 notes\n".encode(),
        name="notes.txt",
        content_type="text/plain; charset=utf-8",
    )
    assert text.status_code == 201 and text.json()["content_type"] == "text/plain"


async def test_file_names_are_cleaned(files_env: FilesEnv, tenant_a: TenantHandle) -> None:
    row = await uploaded(files_env, tenant_a, name="../../etc/passwd.pdf")
    assert row["name"] == "passwd.pdf"
    assert files_env.objects(tenant_a.id) == [f"tenants/{tenant_a.id}/files/{row['id']}"]
    nameless = await upload(files_env, tenant_a.headers, name="../..")
    assert nameless.status_code == 422 and nameless.json()["errors"][0]["field"] == "name"


async def test_rename_and_attach_with_if_match(files_env: FilesEnv, tenant_a: TenantHandle) -> None:
    row = await uploaded(files_env, tenant_a)
    item = f"{FILES}/{row['id']}"
    doc = str(uuid.uuid4())
    changed = await files_env.client.patch(
        item,
        json={"name": "invoice.pdf", "document_type": "contract", "document_id": doc},
        headers={**tenant_a.headers, "If-Match": "1"},
    )
    assert changed.status_code == 200, changed.text
    assert (changed.json()["name"], changed.json()["document_id"], changed.json()["version"]) == (
        "invoice.pdf",
        doc,
        2,
    )
    stale = await files_env.client.patch(
        item, json={"name": "x.pdf"}, headers={**tenant_a.headers, "If-Match": "1"}
    )
    assert stale.status_code == 412
    half = await files_env.client.patch(
        item, json={"document_id": None}, headers={**tenant_a.headers, "If-Match": "2"}
    )
    assert half.status_code == 422


async def test_only_the_uploader_or_an_admin_deletes(
    files_env: FilesEnv, tenant_a: TenantHandle, add_person: PersonMaker
) -> None:
    author = await add_person(tenant_a, "author", Role.MEMBER)
    colleague = await add_person(tenant_a, "colleague", Role.MEMBER)
    row = await uploaded(files_env, tenant_a)
    item = f"{FILES}/{row['id']}"
    assert (
        await files_env.client.delete(item, headers={**colleague.headers, "If-Match": "1"})
    ).status_code == 403
    assert (await files_env.client.get(item, headers=colleague.headers)).status_code == 200
    assert (
        await files_env.client.delete(item, headers={**tenant_a.headers, "If-Match": "1"})
    ).status_code == 204
    _ = author


async def test_tenant_b_cannot_reach_tenant_a_files(
    files_env: FilesEnv, tenant_a: TenantHandle, tenant_b: TenantHandle
) -> None:
    row = await uploaded(files_env, tenant_a)
    item = f"{FILES}/{row['id']}"
    other = tenant_b.headers
    listed = await files_env.client.get(FILES, params={"limit": 200}, headers=other)
    assert row["id"] not in [f["id"] for f in listed.json()["items"]]
    assert (await files_env.client.get(item, headers=other)).status_code == 404
    assert (await files_env.client.get(f"{item}/download-url", headers=other)).status_code == 404
    renamed = await files_env.client.patch(
        item, json={"name": "mine.pdf"}, headers={**other, "If-Match": "1"}
    )
    assert renamed.status_code == 404
    assert (await files_env.client.delete(item, headers={**other, "If-Match": "1"})).status_code == 404
    assert files_env.objects(tenant_a.id) == [f"tenants/{tenant_a.id}/files/{row['id']}"]
    assert files_env.objects(tenant_b.id) == []
    own = await files_env.client.get(item, headers=tenant_a.headers)
    assert own.status_code == 200 and own.json()["version"] == 1


async def test_openapi_declares_the_streamed_upload(files_env: FilesEnv) -> None:
    spec = (await files_env.client.get("/api/docs/openapi.json")).json()
    upload_op = spec["paths"][FILES]["post"]
    assert upload_op["operationId"] == "upload_file" and upload_op["tags"] == ["files"]
    body = upload_op["requestBody"]["content"]["application/octet-stream"]["schema"]
    assert body == {"type": "string", "format": "binary"}
    operations = {
        op["operationId"]
        for path, item in spec["paths"].items()
        if path.startswith(FILES)
        for op in item.values()
        if isinstance(op, dict) and "operationId" in op
    }
    assert operations == {
        "upload_file",
        "list_files",
        "get_file",
        "get_file_download_url",
        "update_file",
        "delete_file",
        "download_file",
    }


async def test_an_upload_is_written_while_it_arrives(files_env: FilesEnv, tenant_a: TenantHandle) -> None:
    """No whole-file buffering: on the local backend, bytes are on disk before the upload ends."""
    if files_env.backend != "local":
        return  # S3: see test_s3_storage (multipart parts leave before the stream ends)
    root = files_env.settings.data_dir / "files" / f"tenants/{tenant_a.id}"
    seen_on_disk: list[int] = []
    chunks = [b"%PDF-1.7\n"] + [b"w" * 8192] * 6

    def look(i: int) -> None:
        if i == len(chunks) - 1:
            seen_on_disk.extend(p.stat().st_size for p in root.rglob("*.part"))

    status, body = await asgi_upload(files_env, tenant_a, chunks, on_chunk=look)
    assert status == 201, body
    assert seen_on_disk and seen_on_disk[0] >= 9 + 8192 * 4
    assert [p.name for p in root.rglob("*.part")] == []


async def test_a_members_key_uploads_as_its_creator_and_may_change_its_own_file(
    files_env: FilesEnv, tenant_a: TenantHandle, add_person: PersonMaker
) -> None:
    author = await add_person(tenant_a, "author", Role.MEMBER)
    colleague = await add_person(tenant_a, "colleague", Role.MEMBER)
    response = await upload(files_env, author.headers)
    assert response.status_code == 201, response.text
    row = response.json()
    assert row["uploaded_by"] == str(author.user_id)
    item = f"{FILES}/{row['id']}"
    renamed = await files_env.client.patch(
        item, json={"name": "mine.pdf"}, headers={**author.headers, "If-Match": "1"}
    )
    assert renamed.status_code == 200, renamed.text
    assert renamed.json()["name"] == "mine.pdf"
    refused = await files_env.client.delete(item, headers={**colleague.headers, "If-Match": "2"})
    assert refused.status_code == 403
    deleted = await files_env.client.delete(item, headers={**author.headers, "If-Match": "2"})
    assert deleted.status_code == 204, deleted.text


async def test_no_download_link_to_an_object_that_is_not_stored(
    files_env: FilesEnv, tenant_a: TenantHandle
) -> None:
    row = await uploaded(files_env, tenant_a)
    key = f"tenants/{tenant_a.id}/"
    [stored] = [k for k in files_env.objects(tenant_a.id) if row["id"] in k]
    assert stored.startswith(key)
    if files_env.backend == "s3":
        files_env.s3.delete_object(Bucket=files_env.settings.s3_bucket, Key=stored)
    else:
        (files_env.settings.data_dir / "files" / stored).unlink()
    link = await files_env.client.get(f"{FILES}/{row['id']}/download-url", headers=tenant_a.headers)
    assert link.status_code == 404, link.text
    assert link.headers["content-type"].startswith("application/problem+json")
    assert "no longer stored" in link.json()["detail"]
