"""Files in the browser: upload (streamed multipart), download through the signed link, rename,
delete, export, the size and type refusals next to the field, and another tenant's file a 404.

These tests run against a server of their own whose upload limit is 64 KB, so a too-large
upload is small to send. The new pages are checked in English (their zh-CN entries arrive with
the catalog merge)."""

from __future__ import annotations

import csv
import dataclasses
import io
import re
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pytest
from bizsuite.app import create_app
from bizsuite.settings import Settings
from playwright.async_api import Browser, Page, expect

from tests.browser.conftest import WAIT_MS, sign_in
from tests.conftest import TenantHandle, serving

LIMIT = 64 * 1024
PDF = b"%PDF-1.7\n" + b"0" * 2000 + b"\n%%EOF\n"


@pytest.fixture(scope="module")
def small_server(settings: Settings) -> Iterator[str]:
    """The app with a 64 KB upload limit, served on a loopback port."""
    with serving(create_app(dataclasses.replace(settings, max_upload_bytes=LIMIT))) as url:
        yield url


@pytest.fixture
async def page(browser: Browser, small_server: str) -> AsyncIterator[Page]:
    context = await browser.new_context(
        base_url=small_server, viewport={"width": 1280, "height": 860}, accept_downloads=True, locale="zh-CN"
    )
    context.set_default_timeout(WAIT_MS)
    tab = await context.new_page()
    tab.on("dialog", lambda dialog: dialog.accept())
    yield tab
    await context.close()


async def sign_in_english(page: Page, email: str) -> None:
    await page.goto("/login")
    await page.get_by_test_id("switch-language-en").click()
    await expect(page.locator("html")).to_have_attribute("lang", "en")
    await sign_in(page, email)


async def upload(page: Page, name: str, mime: str, content: bytes) -> None:
    await page.set_input_files("#f-file", files=[{"name": name, "mimeType": mime, "buffer": content}])
    await page.get_by_test_id("upload").click()


def row(page: Page, name: str):  # type: ignore[no-untyped-def]
    return page.locator(f"[data-testid=file-row][data-name='{name}']")


async def test_upload_download_rename_and_delete_a_file(
    page: Page, tenant_a: TenantHandle, tmp_path: Path, screenshot_dir: Path
) -> None:
    await sign_in_english(page, tenant_a.owner.email)
    await page.goto("/files")
    await expect(page.get_by_test_id("empty-state")).to_be_visible()
    await expect(page.get_by_test_id("upload-limit")).to_contain_text("64 kB")

    await upload(page, "合同扫描件.pdf", "application/pdf", PDF)
    await expect(page.get_by_test_id("toast")).to_contain_text("File uploaded.")
    uploaded = row(page, "合同扫描件.pdf")
    await expect(uploaded).to_contain_text("application/pdf")
    await expect(uploaded).to_contain_text("2 kB")
    await expect(uploaded).to_contain_text("Owner")
    await page.screenshot(path=str(screenshot_dir / "files.en.png"), full_page=True)

    # Download through the signed link: the same bytes come back, under the file's name.
    async with page.expect_download() as info:
        await uploaded.get_by_test_id("download").click()
    download = await info.value
    assert download.suggested_filename == "合同扫描件.pdf"
    saved = tmp_path / "back.pdf"
    await download.save_as(saved)
    assert saved.read_bytes() == PDF

    # Rename: an empty name is refused next to the field, a good one is kept.
    await uploaded.get_by_test_id("rename-open").click()
    await uploaded.get_by_test_id("rename-name").fill("   ")
    await uploaded.get_by_test_id("rename").click()
    await expect(page.get_by_test_id("error-name")).to_be_visible()
    renamed = page.get_by_test_id("file-row").first
    await renamed.get_by_test_id("rename-name").fill("Contract C-7.pdf")
    await renamed.get_by_test_id("rename").click()
    await expect(page.get_by_test_id("toast")).to_contain_text("File renamed.")
    await expect(row(page, "Contract C-7.pdf")).to_be_visible()

    # Export the list.
    async with page.expect_download() as exported:
        await page.get_by_test_id("export-csv").click()
    csv_path = tmp_path / "files.csv"
    await (await exported.value).save_as(csv_path)
    rows = list(csv.reader(io.StringIO(csv_path.read_bytes().decode("utf-8-sig"))))
    assert rows[0][:3] == ["Name", "Type", "Size (bytes)"]
    assert rows[1][:3] == ["Contract C-7.pdf", "application/pdf", str(len(PDF))]

    # Delete, after the confirmation: the row and the stored object are gone.
    link = await row(page, "Contract C-7.pdf").get_by_test_id("download").get_attribute("href")
    await row(page, "Contract C-7.pdf").get_by_test_id("delete-file").click()
    await expect(page.get_by_test_id("toast")).to_contain_text("File deleted.")
    await expect(page.get_by_test_id("empty-state")).to_be_visible()
    assert link is not None
    gone = await page.request.get(link, max_redirects=0)
    assert gone.status == 404


async def test_refused_uploads_show_why_next_to_the_field(
    page: Page, tenant_a: TenantHandle, small_server: str
) -> None:
    await sign_in_english(page, tenant_a.owner.email)
    await page.goto("/files")
    # Too large: 413, nothing stored.
    await upload(page, "big.txt", "text/plain", b"x" * (LIMIT + 1))
    await expect(page.get_by_test_id("error-file")).to_have_text(
        "The file is larger than the limit of 64 kB."
    )
    await expect(page.locator("#f-file")).to_have_attribute("aria-invalid", "true")
    await expect(page.get_by_test_id("file-row")).to_have_count(0)
    # A type that is not accepted: 415.
    await upload(page, "tool.exe", "application/x-msdownload", b"MZ" + b"\0" * 100)
    await expect(page.get_by_test_id("error-file")).to_have_text("Files of this type are not accepted.")
    # Content that is not what it claims to be: 422.
    await upload(page, "fake.pdf", "application/pdf", b"GIF89a not a pdf at all")
    await expect(page.get_by_test_id("error-file")).to_have_text(
        "The file's content does not match its type."
    )
    # No file chosen.
    await page.get_by_test_id("upload").click()
    await expect(page.get_by_test_id("error-file")).to_have_text("Choose a file to upload.")
    await expect(page.get_by_test_id("file-row")).to_have_count(0)
    async with httpx.AsyncClient(base_url=small_server, headers=tenant_a.headers) as api:
        assert (await api.get("/api/v1/files")).json()["items"] == []
    # A far too large upload is refused from its length before it is read.
    response = await page.request.post(
        "/files/upload",
        multipart={"file": {"name": "huge.txt", "mimeType": "text/plain", "buffer": b"y" * (LIMIT * 4)}},
        headers={"X-CSRF-Token": await _csrf(page)},
    )
    assert response.status == 413
    assert "The file is larger than the limit of 64 kB." in await response.text()


async def test_upload_needs_the_csrf_token(page: Page, tenant_a: TenantHandle) -> None:
    await sign_in_english(page, tenant_a.owner.email)
    forged = await page.request.post(
        "/files/upload", multipart={"file": {"name": "a.txt", "mimeType": "text/plain", "buffer": b"hello"}}
    )
    assert forged.status == 403


async def test_another_tenants_file_is_a_404(
    page: Page, tenant_a: TenantHandle, tenant_b: TenantHandle, small_server: str
) -> None:
    async with httpx.AsyncClient(base_url=small_server, headers=tenant_b.headers) as api:
        created = await api.post(
            "/api/v1/files",
            params={"name": "b-secret.txt"},
            content=b"secret",
            headers={"Content-Type": "text/plain"},
        )
        assert created.status_code == 201, created.text
        file_id = created.json()["id"]
    await sign_in_english(page, tenant_a.owner.email)
    await page.goto("/files")
    await expect(page.get_by_test_id("file-row")).to_have_count(0)
    shown = await page.goto(f"/files/{file_id}/download")
    assert shown is not None and shown.status == 404
    await expect(page.get_by_test_id("error-page")).to_be_visible()
    deleted = await page.request.post(
        f"/files/{file_id}/delete", form={"version": "1"}, headers={"X-CSRF-Token": await _csrf(page)}
    )
    assert deleted.status == 404
    async with httpx.AsyncClient(base_url=small_server, headers=tenant_b.headers) as api:
        assert (await api.get(f"/api/v1/files/{file_id}")).status_code == 200


async def _csrf(page: Page) -> str:
    header = await page.locator("body").get_attribute("hx-headers")
    assert header is not None
    match = re.search(r'"X-CSRF-Token": "([^"]+)"', header)
    assert match is not None
    return match.group(1)
