"""File rules as plain functions: names, content types and their signatures, object keys,
and signed download links for the local backend."""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import unicodedata
import uuid

import msgspec

#: Accepted upload types unless ``BIZSUITE_UPLOAD_CONTENT_TYPES`` says otherwise.
DEFAULT_CONTENT_TYPES = frozenset(
    {
        "application/pdf",
        "image/png",
        "image/jpeg",
        "image/gif",
        "image/webp",
        "text/plain",
        "text/csv",
        "application/json",
        "application/zip",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "application/vnd.ms-excel",
        "application/msword",
        "audio/mpeg",
        "audio/wav",
        "audio/x-wav",
        "audio/ogg",
        "audio/flac",
        "audio/mp4",
        "audio/aac",
    }
)

_ZIP = (b"PK\x03\x04", b"PK\x05\x06")
_OLE = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",)
#: Leading bytes each binary type must start with; types not listed are not sniffed.
SIGNATURES: dict[str, tuple[bytes, ...]] = {
    "application/pdf": (b"%PDF-",),
    "image/png": (b"\x89PNG\r\n\x1a\n",),
    "image/jpeg": (b"\xff\xd8\xff",),
    "image/gif": (b"GIF87a", b"GIF89a"),
    "application/zip": _ZIP,
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": _ZIP,
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": _ZIP,
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": _ZIP,
    "application/vnd.ms-excel": _OLE,
    "application/msword": _OLE,
    "audio/ogg": (b"OggS",),
    "audio/flac": (b"fLaC",),
}
#: How many leading bytes :func:`content_matches` needs.
SNIFF_BYTES = 16


def allowed_content_types(setting: str) -> frozenset[str]:
    """The accepted content types: the comma-separated setting, or the built-in list when empty."""
    listed = {normalise_content_type(part) for part in setting.split(",") if part.strip()}
    return frozenset(listed) or DEFAULT_CONTENT_TYPES


def normalise_content_type(value: str | None) -> str:
    """``Image/PNG; charset=x`` -> ``image/png`` (empty when missing)."""
    return (value or "").split(";")[0].strip().lower()


def content_matches(content_type: str, head: bytes) -> bool:
    """Whether a file's first bytes fit its declared type (types without a signature always fit)."""
    if content_type in {"audio/wav", "audio/x-wav"}:
        return head[:4] == b"RIFF" and head[8:12] == b"WAVE"
    if content_type == "audio/mpeg":
        # An ID3 tag, or an MPEG audio frame: 11 sync bits, then any version (1, 2 or 2.5) of layer III.
        return head.startswith(b"ID3") or (len(head) > 1 and head[0] == 0xFF and head[1] & 0xE6 == 0xE2)
    if content_type == "image/webp":
        return head[:4] == b"RIFF" and head[8:12] == b"WEBP"
    signatures = SIGNATURES.get(content_type)
    return signatures is None or head.startswith(signatures)


def clean_filename(name: str) -> str:
    """A file name safe to store and to send back: no folders, no control characters, NFC.

    Raises ``ValueError`` with a message for names that stay empty or are too long.
    """
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    base = "".join(ch for ch in unicodedata.normalize("NFC", base) if unicodedata.category(ch)[0] != "C")
    base = base.strip().strip(".").strip()
    if not base:
        raise ValueError("must name a file")
    if len(base) > 255:
        raise ValueError("must be at most 255 characters")
    return base


# --- object keys --------------------------------------------------------------------------------


def tenant_prefix(tenant_id: uuid.UUID) -> str:
    """Every object of a tenant lives under this prefix."""
    return f"tenants/{tenant_id}/"


def object_key(tenant_id: uuid.UUID, file_id: uuid.UUID) -> str:
    """The storage key of one file (no user input in it)."""
    return f"{tenant_prefix(tenant_id)}files/{file_id}"


def key_belongs_to(key: str, tenant_id: uuid.UUID) -> bool:
    """Whether ``key`` is a well-formed key inside the tenant's prefix."""
    parts = key.split("/")
    return (
        key.startswith(tenant_prefix(tenant_id))
        and all(part not in {"", ".", ".."} for part in parts)
        and "\\" not in key
        and "\x00" not in key
    )


def key_tenant(key: str) -> uuid.UUID | None:
    """The tenant whose prefix ``key`` is in (None for a malformed key)."""
    parts = key.split("/")
    if len(parts) < 3 or parts[0] != "tenants":
        return None
    try:
        tenant_id = uuid.UUID(parts[1])
    except ValueError:
        return None
    return tenant_id if key_belongs_to(key, tenant_id) and parts[1] == str(tenant_id) else None


# --- signed download links (local backend) ------------------------------------------------------

_PURPOSE = b"bizsuite.file-download.v1\n"


class DownloadGrant(msgspec.Struct, array_like=True, frozen=True):
    """What a signed link lets its bearer fetch, until when (Unix seconds)."""

    key: str
    filename: str
    content_type: str
    expires: int


class InvalidLinkError(ValueError):
    """The link was not made by us, or was changed."""


class ExpiredLinkError(ValueError):
    """The link was genuine but is too old."""


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _mac(secret: str, payload: str) -> bytes:
    return hmac.new(secret.encode(), _PURPOSE + payload.encode(), hashlib.sha256).digest()


def sign_download(secret: str, grant: DownloadGrant) -> str:
    """A token granting ``grant``: ``<payload>.<HMAC-SHA256 of payload>``, URL-safe."""
    payload = _b64(msgspec.json.encode(grant))
    return f"{payload}.{_b64(_mac(secret, payload))}"


def verify_download(secret: str, token: str, *, now: float) -> DownloadGrant:
    """Return the grant of a genuine, unexpired token, or raise why not."""
    payload, dot, signature = token.partition(".")
    if not dot or not payload or not signature:
        raise InvalidLinkError("malformed link")
    try:
        given = _unb64(signature)
    except (binascii.Error, ValueError) as exc:
        raise InvalidLinkError("malformed link") from exc
    if not hmac.compare_digest(given, _mac(secret, payload)):
        raise InvalidLinkError("bad signature")
    try:
        grant = msgspec.json.decode(_unb64(payload), type=DownloadGrant)
    except (binascii.Error, ValueError, msgspec.DecodeError) as exc:  # pragma: no cover - signed by us
        raise InvalidLinkError("malformed link") from exc
    if grant.expires <= now:
        raise ExpiredLinkError("the link has expired")
    return grant
