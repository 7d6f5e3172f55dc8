"""Codes people read by their labels: audit actions, background tasks, document types, webhook
event types and the invitation email, in the reader's language (the API keeps the codes)."""

from __future__ import annotations

import contextvars
import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import httpx
from bizsuite.core.audit.labels import action_label, actor_label
from bizsuite.core.identity.models import Role
from bizsuite.core.identity.services import invitation_email
from bizsuite.core.jobs.queue import TENANT_TASKS, load_task_modules
from bizsuite.core.webhooks import rules as webhook_rules
from bizsuite.kit import registry
from bizsuite.web.i18n import activate, translations

from tests.conftest import TenantHandle
from tests.core.invitations import invite
from tests.web.test_language_walk import sign_in

T = TypeVar("T")
SOURCE = Path(__file__).resolve().parents[2] / "platform" / "bizsuite"
#: Every audit action the code writes (``ctx.audit("crm.account.created", ...)``).
_AUDIT_CALL = re.compile(r"\.audit\(\s*\"([a-z_.]+)\"")
#: English words in a Chinese label (acronyms and product names such as API, CRM, Webhook excepted).
_ENGLISH = re.compile(r"\b(?!Webhook\b)[A-Za-z]*[a-z]{2,}[A-Za-z]*\b")


def in_locale(locale: str, call: Callable[[], T]) -> T:
    """``call()`` with ``locale`` active, without leaking it into other tests."""

    def run() -> T:
        activate(locale, "Asia/Shanghai")
        return call()

    return contextvars.copy_context().run(run)


def audit_actions() -> set[str]:
    return {a for path in SOURCE.rglob("*.py") for a in _AUDIT_CALL.findall(path.read_text(encoding="utf-8"))}


def test_every_audit_action_the_code_writes_reads_as_a_label_in_both_languages() -> None:
    actions = audit_actions()
    assert {"crm.account.created", "member.added", "org_unit.moved", "alert.raised"} <= actions
    english = {a: in_locale("en", lambda a=a: action_label(a)) for a in actions}
    chinese = {a: in_locale("zh-CN", lambda a=a: action_label(a)) for a in actions}
    assert [a for a, label in english.items() if not label] == []
    assert english["crm.account.created"] == "Account created"
    assert chinese["crm.account.created"] == "客户已创建"
    assert chinese["org_unit.moved"] == "组织单元已移动"
    assert {a: label for a, label in chinese.items() if label and _ENGLISH.search(label)} == {}


def test_an_undeclared_action_has_no_label_so_the_page_shows_the_code() -> None:
    assert in_locale("zh-CN", lambda: action_label("tests.thing.created")) is None
    assert in_locale("zh-CN", lambda: action_label("crm.account.teleported")) is None


def test_a_blueprint_actor_reads_as_a_blueprint_with_its_file_as_a_code() -> None:
    shown = in_locale("zh-CN", lambda: str(actor_label("blueprint:demo.toml")))
    assert shown == "蓝图 <code>demo.toml</code>"
    assert str(actor_label("<b>ci key</b>")) == "&lt;b&gt;ci key&lt;/b&gt;"


def test_every_product_task_declares_a_label_translated_in_chinese() -> None:
    load_task_modules()
    product = {name: task for name, task in TENANT_TASKS.items() if not name.startswith("tests.")}
    assert {"alerts.dispatch", "imports.run", "webhooks.deliver"} <= set(product)
    assert [name for name, task in product.items() if not task.label] == []
    zh = translations("zh-CN").gettext
    untranslated = [
        text for task in product.values() for text in (task.label, task.description) if zh(text) == text
    ]
    assert untranslated == []


def test_every_document_type_has_a_label_and_every_event_type_a_translated_description() -> None:
    assert [name for name, d in registry().document_types.items() if not d.label] == []
    zh = translations("zh-CN").gettext
    types = webhook_rules.event_types()
    assert "crm.account.created" in types
    assert {name: text for name, text in types.items() if zh(text) == text} == {}


def test_the_invitation_email_is_written_in_the_given_language() -> None:
    until = dt.datetime(2026, 12, 11, 20, 39, tzinfo=dt.UTC)
    link = "https://bizsuite.example/invitations/accept?token=abc"
    subject, body = invitation_email("华信集团", None, Role.MANAGER, link, until, "zh-CN")
    assert subject == "邀请您加入 BizSuite 上的华信集团"
    assert "一位管理员邀请您以经理身份" in body and link in body and "2026-12-11 20:39" in body
    subject, body = invitation_email("Huaxin", "Li Min", Role.MANAGER, link, until, "en")
    assert subject == "You are invited to Huaxin on BizSuite"
    assert body.startswith("Li Min invited you to join Huaxin on BizSuite as Manager.")


async def test_an_invitation_to_a_chinese_tenant_is_emailed_in_chinese(
    client: httpx.AsyncClient, tenant_a: TenantHandle
) -> None:
    await invite(client, tenant_a.headers, email="new.hire@example.com", role="member")
    messages = (
        await client.get("/api/v1/outbox", params={"channel": "email"}, headers=tenant_a.headers)
    ).json()["items"]
    sent = next(m for m in messages if m["recipient"] == "new.hire@example.com")
    assert sent["subject"] == f"邀请您加入 BizSuite 上的{tenant_a.tenant.name}"
    assert "接受邀请：" in sent["body"] and "You are invited" not in sent["body"]


async def test_the_audit_log_shows_labels_and_the_api_keeps_the_codes(
    client: httpx.AsyncClient, tenant_a: TenantHandle
) -> None:
    await invite(client, tenant_a.headers, email="auditor@example.com", role="viewer")
    api = (
        await client.get(
            "/api/v1/audit-log", params={"action": "invitation.created"}, headers=tenant_a.headers
        )
    ).json()
    assert [e["action"] for e in api["items"]] == ["invitation.created"]
    await sign_in(client, tenant_a)
    html = (await client.get("/admin/audit", headers={"accept": "text/html"})).text
    row = html.split('data-testid="audit-action">', 1)[1].split("</td>", 1)[0]
    assert row.startswith("邀请已创建") and "<code" in row and "invitation.created</code>" in row
    assert '<option value="invitation.created" >邀请已创建</option>' in html
