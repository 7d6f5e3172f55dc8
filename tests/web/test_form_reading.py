"""Forms as plain functions: displayed amounts read back, every error at once, names in the
user's language's order, unique element ids."""

from __future__ import annotations

from decimal import Decimal
from types import SimpleNamespace
from typing import Any

import msgspec
import pytest
from bizsuite.web import i18n
from bizsuite.web.forms import (
    decode_form,
    element_id,
    field_errors,
    normalise_number,
    read_form,
    search_keys,
    sort_choices,
)
from jinja2 import Environment


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("1,200,000", "1200000"),
        ("¥1,200,000.50", "1200000.50"),
        ("￥１，２００，０００．５０", "1200000.50"),
        ("１２００", "1200"),
        ("1 200 000", "1200000"),
        ("1\u00a0200", "1200"),
        ("CNY 1,200", "1200"),
        ("1200元", "1200"),
        ("-1,200.5", "-1200.5"),
        ("−5", "-5"),
        ("  300  ", "300"),
        ("12.5", "12.5"),
    ],
)
def test_a_displayed_amount_reads_as_a_plain_decimal(typed: str, read: str) -> None:
    assert normalise_number(typed) == read


@pytest.mark.parametrize("typed", ["1,20", "1,2345", "1.200,50", "abc", "12 34", "1,200,00"])
def test_an_ambiguous_or_wrong_amount_stays_as_typed(typed: str) -> None:
    # "1,20" could be 1.20 or 120: the form names the field instead of guessing.
    assert normalise_number(typed) == typed


class Deal(msgspec.Struct, kw_only=True):
    name: str
    amount: Decimal
    probability: int | None = None
    note: str | None = None


def test_a_form_reads_amounts_as_displayed_and_leaves_text_alone() -> None:
    body, errors = decode_form(
        {"name": "1,200 boxes", "amount": "¥1,200,000.50", "probability": "８０", "note": "1,2"}, Deal
    )
    assert errors == {}
    assert body == Deal(name="1,200 boxes", amount=Decimal("1200000.50"), probability=80, note="1,2")


def test_every_bad_field_is_reported_at_once() -> None:
    submission = read_form(
        {"name": "", "amount": "1,20", "probability": "lots"},
        Deal,
        ["name", "amount", "probability"],
        update=True,
        required=["name"],
    )
    assert submission.body is None
    assert set(submission.errors) == {"name", "amount", "probability"}
    assert field_errors(submission.errors) == list(submission.errors.items())
    assert field_errors({"__all__": "x", "__conflict__": "1", "name": "y"}) == [("name", "y")]


MEMBERS = [(1, "王小明"), (2, "阿里"), (3, "Bob"), (4, "张三"), (5, "陈静"), (6, "alice"), (7, "Émile")]


def test_chinese_names_sort_by_pinyin_with_latin_names_among_them() -> None:
    ordered = [label for _, label in sort_choices(MEMBERS, locale="zh-CN")]
    assert ordered == ["阿里", "alice", "Bob", "陈静", "Émile", "王小明", "张三"]


def test_english_sorts_letters_without_case_or_accents() -> None:
    ordered = [label for _, label in sort_choices(MEMBERS[2:3] + MEMBERS[5:], locale="en")]
    assert ordered == ["alice", "Bob", "Émile"]


def test_the_active_language_decides_the_order() -> None:
    i18n.activate("zh-CN", "Asia/Shanghai")
    assert sort_choices([("b", "张三"), ("a", "王五")])[0] == ("a", "王五")
    picked = sort_choices(
        [SimpleNamespace(name="张三"), SimpleNamespace(name="陈静")], label=lambda m: m.name
    )
    assert [m.name for m in picked] == ["陈静", "张三"]


def test_a_picker_finds_a_chinese_name_by_pinyin_or_initials() -> None:
    assert search_keys("王小明") == "wangxiaoming wxm"
    assert search_keys("Acme Ltd") == ""


def _render(source: str, request: Any) -> str:
    env = Environment()
    env.globals["element_id"] = element_id
    return env.from_string(source).render(request=request)


def test_element_ids_repeat_never_on_one_page() -> None:
    request = SimpleNamespace(scope={"state": {}})
    html = _render(
        "{{ element_id('f-name') }} {{ element_id('f-name') }} {{ element_id('f-code') }}", request
    )
    assert html.split() == ["f-name", "f-name-2", "f-code"]
    # Another request starts again.
    assert _render("{{ element_id('f-name') }}", SimpleNamespace(scope={"state": {}})) == "f-name"
