"""Every string the UI shows is translated into zh-CN, and the UI formats in the user's language."""

from __future__ import annotations

import datetime as dt
import importlib.util
from decimal import Decimal
from pathlib import Path

import pytest
from bizsuite.settings import REPO_ROOT
from bizsuite.web import i18n
from bizsuite.web.forms import translate_field_message


def _translations_script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("translations", REPO_ROOT / "scripts" / "translations.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_marked_string_has_a_zh_cn_translation() -> None:
    gaps = _translations_script().missing()
    assert gaps["zh_CN"] == [], "run `make messages` and translate: " + ", ".join(gaps["zh_CN"][:20])


def test_the_check_notices_a_new_untranslated_string(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    script = _translations_script()
    extra = REPO_ROOT / "platform" / "bizsuite" / "web" / "templates" / "_untranslated_probe.html"
    extra.write_text('{{ _("A sentence nobody translated yet") }}', encoding="utf-8")
    try:
        assert "A sentence nobody translated yet" in script.missing()["zh_CN"]
    finally:
        extra.unlink()


def test_formatting_follows_the_language_and_time_zone() -> None:
    instant = dt.datetime(2026, 11, 28, 17, 30, tzinfo=dt.UTC)
    i18n.activate("zh-CN", "Asia/Shanghai")
    assert i18n.format_date(instant) == "2026年11月29日"  # already the 29th in Shanghai
    assert i18n.format_money(Decimal("86419.75"), "CNY") == "¥86,419.75"
    assert i18n.gettext("Sign in") == "登录"
    assert translate_field_message("Object missing required field `code`") == "此项为必填项。"
    assert translate_field_message("Expected `str` of length <= 200") == "最多 200 个字符。"
    i18n.activate("en", "America/New_York")
    assert i18n.format_date(instant) == "Nov 28, 2026"
    assert i18n.format_money(Decimal("86419.75"), "CNY") == "CN¥86,419.75"
    assert i18n.gettext("Sign in") == "Sign in"


def test_language_negotiation_prefers_user_then_cookie_then_tenant_then_browser() -> None:
    assert i18n.negotiate("en", "zh-CN", "zh-CN", "zh") == "en"
    assert i18n.negotiate(None, None, "en", "zh-CN,zh;q=0.9") == "en"
    assert i18n.negotiate(None, None, None, "en-US,en;q=0.9") == "en"
    assert i18n.negotiate(None, None, None, "zh-TW") == "zh-CN"
    assert i18n.negotiate(None, None, None, None) == "zh-CN"


def test_a_service_sentence_with_values_is_translated_with_its_values_put_back() -> None:
    import bizsuite.modules.fees.pages  # noqa: F401 - declares the fee services' sentences

    i18n.activate("zh-CN", "Asia/Shanghai")
    assert translate_field_message("2026-Q1 is not reconciled by both sides") == "2026-Q1 尚未经双方对账确认"
    refused = "the rate 0.30 is outside the band 0.10–0.25 CNY per 100 (both ends included)"
    assert translate_field_message(refused) == "费率 0.30 超出区间 0.10–0.25 CNY / 每 100（含两端）"
    assert translate_field_message("say what does not match") == "请说明哪里不一致"
    assert translate_field_message("a sentence nobody declared") == "a sentence nobody declared"
    i18n.activate("en", "Asia/Shanghai")
    assert (
        translate_field_message("2026-Q1 is not reconciled by both sides")
        == "2026-Q1 is not reconciled by both sides"
    )
