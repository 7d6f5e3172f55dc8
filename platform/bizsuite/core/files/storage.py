"""One storage interface, two backends: a local folder (the embedded default) and S3 via boto3.

Backends store bytes under keys and hand out download links; they know nothing about tenants
or rows. Uploads arrive as an async stream of chunks and are never held whole in memory: the
local backend writes chunks to a temporary file and renames it into place, the S3 backend
sends one ``PutObject`` for a small file and a multipart upload (bounded parts) for a large one.
If the stream fails midway (too large, wrong type, client gone), nothing stays behind.
"""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import AsyncIterable, AsyncIterator
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable
from urllib.parse import quote

import anyio
import anyio.to_thread

from bizsuite.core.files.rules import DownloadGrant, key_tenant, sign_download, verify_download
from bizsuite.settings import Settings

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client
    from mypy_boto3_s3.type_defs import CompletedPartTypeDef

#: Where signed links of the local backend point (served by the files API).
LOCAL_LINK_PATH = "/api/v1/files/content"


class StorageKeyError(ValueError):
    """A key that is malformed or outside every tenant prefix."""


def content_disposition(filename: str) -> str:
    """An ``attachment`` disposition that carries any (UTF-8) file name."""
    ascii_name = filename.encode("ascii", "ignore").decode().replace('"', "").replace("\\", "") or "download"
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename, safe='')}"


def _checked(key: str) -> str:
    if key_tenant(key) is None:
        raise StorageKeyError(f"not a tenant object key: {key!r}")
    return key


@runtime_checkable
class ObjectStorage(Protocol):
    """What the files service needs from a storage backend."""

    #: ``local`` or ``s3``, recorded on each file row.
    backend: str

    async def save(self, key: str, chunks: AsyncIterable[bytes], *, content_type: str) -> None:
        """Store the stream under ``key``; on any error store nothing and re-raise."""
        ...

    async def delete(self, key: str) -> None:
        """Remove the object (no error if it is already gone)."""
        ...

    async def exists(self, key: str) -> bool:
        """Whether an object is stored under ``key``."""
        ...

    async def read(self, key: str) -> bytes:
        """The object's bytes (for server-side processing such as imports)."""
        ...

    async def download_url(self, key: str, *, filename: str, content_type: str, expires_in: int) -> str:
        """A link that fetches the object for ``expires_in`` seconds without other credentials."""
        ...


class LocalStorage:
    """Objects as files under one folder; downloads through HMAC-signed, expiring links."""

    backend = "local"

    def __init__(self, root: Path, secret: str, *, link_path: str = LOCAL_LINK_PATH) -> None:
        self.root = root.resolve()
        self._secret = secret
        self._link_path = link_path

    def path_for(self, key: str) -> Path:
        """The file holding ``key`` (refuses keys that would leave the folder)."""
        path = (self.root / _checked(key)).resolve()
        if not path.is_relative_to(self.root):
            raise StorageKeyError(f"key escapes the storage folder: {key!r}")
        return path

    async def save(self, key: str, chunks: AsyncIterable[bytes], *, content_type: str) -> None:
        """Write chunk by chunk to a temporary file, then rename it into place."""
        path = self.path_for(key)
        await anyio.Path(path.parent).mkdir(parents=True, exist_ok=True)
        partial_path = path.with_name(f"{path.name}.{uuid.uuid4().hex}.part")
        try:
            async with await anyio.open_file(partial_path, "wb") as target:
                async for chunk in chunks:
                    await target.write(chunk)
            await anyio.to_thread.run_sync(os.replace, partial_path, path)
        except BaseException:
            await anyio.Path(partial_path).unlink(missing_ok=True)
            raise

    async def delete(self, key: str) -> None:
        """Remove the file."""
        await anyio.Path(self.path_for(key)).unlink(missing_ok=True)

    async def exists(self, key: str) -> bool:
        """Whether the file exists."""
        return await anyio.Path(self.path_for(key)).is_file()

    async def read(self, key: str) -> bytes:
        """The file's bytes."""
        return await anyio.Path(self.path_for(key)).read_bytes()

    async def download_url(self, key: str, *, filename: str, content_type: str, expires_in: int) -> str:
        """A relative link to the download route carrying a signed grant."""
        grant = DownloadGrant(
            key=_checked(key),
            filename=filename,
            content_type=content_type,
            expires=int(time.time()) + expires_in,
        )
        return f"{self._link_path}?token={sign_download(self._secret, grant)}"

    def open_link(self, token: str, *, now: float | None = None) -> tuple[Path, DownloadGrant]:
        """Check a signed link (raises ``InvalidLinkError``/``ExpiredLinkError``) and find its file."""
        grant = verify_download(self._secret, token, now=time.time() if now is None else now)
        return self.path_for(grant.key), grant


class S3Storage:
    """Objects in an S3 bucket (or an S3-compatible endpoint); downloads through presigned URLs."""

    backend = "s3"

    def __init__(
        self,
        *,
        bucket: str,
        region: str,
        endpoint_url: str | None = None,
        access_key_id: str | None = None,
        secret_access_key: str | None = None,
        part_size: int = 8 * 1024 * 1024,
    ) -> None:
        if part_size < 5 * 1024 * 1024:
            raise ValueError("S3 multipart parts are at least 5 MiB")
        # boto3 costs an app worker about 24 MB: imported only when S3 is the backend.
        import boto3
        from botocore.config import Config

        self.bucket = bucket
        self.part_size = part_size
        # Custom endpoints (MinIO, moto) want path-style addressing.
        config = Config(
            signature_version="s3v4",
            s3={"addressing_style": "path"} if endpoint_url else {},
            retries={"max_attempts": 3, "mode": "standard"},
        )
        self.client: S3Client = boto3.client(
            "s3",
            endpoint_url=endpoint_url or None,
            region_name=region,
            aws_access_key_id=access_key_id or None,
            aws_secret_access_key=secret_access_key or None,
            config=config,
        )
        self._region = region
        self._bucket_ready = False

    async def _call(self, method: Any, /, **kwargs: Any) -> Any:
        # boto3 is synchronous: run its network calls off the event loop.
        return await anyio.to_thread.run_sync(partial(method, **kwargs))

    async def ensure_bucket(self) -> None:
        """Create the bucket if it does not exist (once per process)."""
        if self._bucket_ready:
            return
        try:
            await self._call(self.client.head_bucket, Bucket=self.bucket)
        except self.client.exceptions.ClientError as exc:
            if exc.response.get("Error", {}).get("Code") not in {"404", "NoSuchBucket", "NotFound"}:
                raise
            extra: dict[str, Any] = {}
            if self._region != "us-east-1":
                extra["CreateBucketConfiguration"] = {"LocationConstraint": self._region}
            await self._call(self.client.create_bucket, Bucket=self.bucket, **extra)
        self._bucket_ready = True

    async def save(self, key: str, chunks: AsyncIterable[bytes], *, content_type: str) -> None:
        """One ``PutObject`` below ``part_size``, otherwise a multipart upload (aborted on error)."""
        _checked(key)
        await self.ensure_bucket()
        buffer = bytearray()
        upload_id: str | None = None
        parts: list[CompletedPartTypeDef] = []

        async def send_part(body: bytes) -> None:
            assert upload_id is not None
            number = len(parts) + 1
            answer = await self._call(
                self.client.upload_part,
                Bucket=self.bucket,
                Key=key,
                UploadId=upload_id,
                PartNumber=number,
                Body=body,
            )
            parts.append({"ETag": answer["ETag"], "PartNumber": number})

        try:
            async for chunk in chunks:
                buffer.extend(chunk)
                while len(buffer) >= self.part_size:
                    if upload_id is None:
                        started = await self._call(
                            self.client.create_multipart_upload,
                            Bucket=self.bucket,
                            Key=key,
                            ContentType=content_type,
                        )
                        upload_id = started["UploadId"]
                    await send_part(bytes(buffer[: self.part_size]))
                    del buffer[: self.part_size]
            if upload_id is None:
                await self._call(
                    self.client.put_object,
                    Bucket=self.bucket,
                    Key=key,
                    Body=bytes(buffer),
                    ContentType=content_type,
                )
                return
            if buffer:
                await send_part(bytes(buffer))
            await self._call(
                self.client.complete_multipart_upload,
                Bucket=self.bucket,
                Key=key,
                UploadId=upload_id,
                MultipartUpload={"Parts": parts},
            )
        except BaseException:
            if upload_id is not None:
                with anyio.CancelScope(shield=True):
                    await self._call(
                        self.client.abort_multipart_upload, Bucket=self.bucket, Key=key, UploadId=upload_id
                    )
            raise

    async def delete(self, key: str) -> None:
        """Delete the object."""
        await self._call(self.client.delete_object, Bucket=self.bucket, Key=_checked(key))

    async def exists(self, key: str) -> bool:
        """Whether the object exists (``HeadObject``)."""
        try:
            await self._call(self.client.head_object, Bucket=self.bucket, Key=_checked(key))
        except self.client.exceptions.ClientError as exc:
            if exc.response.get("Error", {}).get("Code") in {"404", "NoSuchKey", "NotFound"}:
                return False
            raise
        return True

    async def read(self, key: str) -> bytes:
        """The object's bytes (``GetObject``)."""

        def fetch() -> bytes:
            body: bytes = self.client.get_object(Bucket=self.bucket, Key=_checked(key))["Body"].read()
            return body

        return await anyio.to_thread.run_sync(fetch)

    async def download_url(self, key: str, *, filename: str, content_type: str, expires_in: int) -> str:
        """A presigned ``GetObject`` URL that names the file and its type."""
        url: str = self.client.generate_presigned_url(
            "get_object",
            Params={
                "Bucket": self.bucket,
                "Key": _checked(key),
                "ResponseContentDisposition": content_disposition(filename),
                "ResponseContentType": content_type,
            },
            ExpiresIn=expires_in,
        )
        return url


def storage_from_settings(settings: Settings) -> ObjectStorage:
    """The backend ``BIZSUITE_STORAGE`` names, configured from the settings."""
    if settings.storage == "s3":
        return S3Storage(
            bucket=settings.s3_bucket,
            region=settings.s3_region,
            endpoint_url=settings.s3_endpoint_url or None,
            access_key_id=settings.s3_access_key_id or None,
            secret_access_key=settings.s3_secret_access_key or None,
        )
    if settings.storage != "local":
        raise ValueError(f"BIZSUITE_STORAGE must be local or s3, not {settings.storage!r}")
    return LocalStorage(settings.data_dir / "files", settings.resolved_secret_key())


async def one_chunk(data: bytes) -> AsyncIterator[bytes]:
    """Bytes already in memory as the chunk stream ``save`` and the files' ``upload`` take."""
    yield data
