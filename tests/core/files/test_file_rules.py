"""File rules over plain values: names, content types, keys and signed links."""

from __future__ import annotations

import uuid

import pytest
from bizsuite.core.files.rules import (
    DEFAULT_CONTENT_TYPES,
    DownloadGrant,
    ExpiredLinkError,
    InvalidLinkError,
    allowed_content_types,
    clean_filename,
    content_matches,
    key_belongs_to,
    key_tenant,
    normalise_content_type,
    object_key,
    sign_download,
    verify_download,
)

SECRET = "s3cret"
TENANT = uuid.uuid4()


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("receipt.pdf", "receipt.pdf"),
        ("C:\\Users\\me\\合同.docx", "合同.docx"),
        ("../../etc/passwd", "passwd"),
        ("bad\x00name\n.txt", "badname.txt"),
        ("  .hidden  ", "hidden"),
    ],
)
def test_file_names_keep_only_the_last_part(given: str, kept: str) -> None:
    assert clean_filename(given) == kept


@pytest.mark.parametrize("given", ["", "..", "/", " . "])
def test_file_names_that_say_nothing_are_refused(given: str) -> None:
    with pytest.raises(ValueError, match="must name a file"):
        clean_filename(given)


def test_content_types_are_normalised_and_configurable() -> None:
    assert normalise_content_type("Text/Plain; charset=UTF-8") == "text/plain"
    assert normalise_content_type(None) == ""
    assert allowed_content_types("") == DEFAULT_CONTENT_TYPES
    assert allowed_content_types("image/png, Application/PDF") == {"image/png", "application/pdf"}
    assert "text/html" not in DEFAULT_CONTENT_TYPES
    assert "application/octet-stream" not in DEFAULT_CONTENT_TYPES


@pytest.mark.parametrize(
    ("content_type", "head", "fits"),
    [
        ("application/pdf", b"%PDF-1.7\n", True),
        ("application/pdf", b"\x89PNG\r\n\x1a\n", False),
        ("image/png", b"\x89PNG\r\n\x1a\n\x00\x00", True),
        ("image/jpeg", b"\xff\xd8\xff\xe0", True),
        ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", b"PK\x03\x04", True),
        ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", b"%PDF-", False),
        ("audio/wav", b"RIFF\x00\x00\x00\x00WAVEfmt ", True),
        ("audio/wav", b"RIFF\x00\x00\x00\x00WEBPVP8 ", False),
        ("image/webp", b"RIFF\x00\x00\x00\x00WEBPVP8 ", True),
        ("audio/mpeg", b"ID3\x04\x00", True),
        ("audio/mpeg", b"\xff\xfb\x90\xc4", True),  # MPEG-1 layer III
        ("audio/mpeg", b"\xff\xf3\x64\xc4", True),  # MPEG-2 layer III (22.05 kHz)
        ("audio/mpeg", b"\xff\xe3\x18\xc4", True),  # MPEG-2.5 layer III (8 kHz)
        ("audio/mpeg", b"\xff\xf1\x50\x80", False),  # an ADTS AAC frame, not MP3
        ("audio/mpeg", b"RIFF\x00\x00\x00\x00WAVE", False),
        ("audio/flac", b"fLaC\x00\x00\x00\x22", True),
        ("audio/flac", b"OggS\x00\x02", False),
        ("text/csv", b"name,amount\n", True),
    ],
)
def test_content_must_fit_its_declared_type(content_type: str, head: bytes, fits: bool) -> None:
    assert content_matches(content_type, head) is fits


def test_keys_live_under_their_tenant_prefix() -> None:
    file_id = uuid.uuid4()
    key = object_key(TENANT, file_id)
    assert key == f"tenants/{TENANT}/files/{file_id}"
    assert key_belongs_to(key, TENANT)
    assert key_tenant(key) == TENANT
    assert not key_belongs_to(key, uuid.uuid4())
    for bad in (
        f"tenants/{TENANT}/../{uuid.uuid4()}/files/x",
        f"tenants/{TENANT}//x",
        f"tenants/{TENANT}/files/x\\..\\y",
        "tenants/not-a-uuid/files/x",
        f"other/{TENANT}/files/x",
        f"tenants/{str(TENANT).upper()}/files/x",
    ):
        assert key_tenant(bad) is None, bad


def grant(expires: int = 2_000_000_000, key: str | None = None) -> DownloadGrant:
    return DownloadGrant(
        key=key or object_key(TENANT, uuid.uuid4()),
        filename="a.pdf",
        content_type="application/pdf",
        expires=expires,
    )


def test_a_signed_link_verifies_until_it_expires() -> None:
    original = grant(expires=1_000)
    token = sign_download(SECRET, original)
    assert verify_download(SECRET, token, now=999) == original
    with pytest.raises(ExpiredLinkError):
        verify_download(SECRET, token, now=1_000)


def test_a_changed_or_foreign_link_is_refused() -> None:
    token = sign_download(SECRET, grant())
    payload, _, signature = token.partition(".")
    other_payload = sign_download(SECRET, grant(key=object_key(uuid.uuid4(), uuid.uuid4()))).partition(".")[0]
    for forged in (
        f"{other_payload}.{signature}",  # another key with this signature
        f"{payload}.{signature[:-2]}AA",
        f"{payload}.",
        "garbage",
        f"{payload}.!!!",
    ):
        with pytest.raises(InvalidLinkError):
            verify_download(SECRET, forged, now=0)
    with pytest.raises(InvalidLinkError):
        verify_download("another secret", token, now=0)
