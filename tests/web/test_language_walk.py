"""Every main page in zh-CN, as the owner of a tenant with the demo blueprint's data: no English
words (outside codes, names, units and the brand) and no raw message keys.

The pages are every navigation entry and every page route of the app (record pages get the demo
data's ids, as in ``tests/conventions/test_isolation_by_route.py``), so a new module's pages are
walked the day they exist. What the tenant's own data says (names, codes) is allowed: its words
are read from the demo blueprint and the modules' seeds, not listed here.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Awaitable, Callable, Iterator
from html.parser import HTMLParser
from pathlib import Path

import httpx
from bizsuite.core.http import OUTSIDE_PIPELINE
from bizsuite.core.jobs.queue import TENANT_TASKS
from litestar import Litestar
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import PASSWORD, TenantHandle
from tests.conventions.test_isolation_by_route import (
    _PARAM,
    ALL_MODULES,
    _concrete,
    _demo_tenant,
    _ids_by_table,
)

REPO = Path(__file__).resolve().parents[2]
#: Pages that are not pages to read (they act, download or sign out) or are outside the shell.
_SKIP = re.compile(
    r"^/(api|static|logout|language|switch-tenant)(/|$)|/(export|download|raw)(/|$)|\.(csv|xlsx|json)$"
)

#: Latin-letter words a Chinese page may show, by what they are (not which page shows them).
ALLOWED = [
    re.compile(p)
    for p in (
        r"^[A-Z0-9][A-Z0-9&]*(?:[-_./][A-Z0-9&]+)*s?$",  # codes and acronyms: CNY, SLA, HQ-FIN, API, CSV
        r"^[A-Za-z]*\d[\w.-]*$|^[\w-]*\d$",  # anything with a digit: C-001, v2, 8h, 2FA
        r"^[\w.+-]+@[\w-]+(\.[\w-]+)+$",  # e-mail addresses
        r"^(https?://|www\.)\S+$|^[\w-]+(\.[\w-]+)*\.(com|cn|dev|net|org|io|example)(/\S*)?$",  # addresses
        r"^[\w-]+\.(txt|csv|xlsx|xls|pdf|png|jpe?g|docx?|zip|toml|wav|mp3|ogg|flac)$",  # file names
        r"^[0-9a-f]{8,}(-[0-9a-f]{4,})*$",  # ids and request ids
        r"^(kg|km|m|cm|mm|h|min|ms|s|B|kB|KB|MB|GB|TB|Hz|px|pt)$",  # units
        r"^/?api(/[\w{}.-]+)+$",  # API paths the guide's texts point to
        r"^(Ctrl|Alt|Shift|Cmd|Esc|Enter|Tab)(\+\w+)?$",  # keys
        # names of things: products, formats, languages (in their own name)
        r"^(BizSuite|Webhooks?|Excel|Office|Python|Bearer|Chromium|ECharts|TOTP|OpenAPI|zip|English|Ogg)$",
    )
]
#: A raw message key or code that reached the page (``crm.churn_risk``, ``error.not-found``, ``end_customer``).
RAW_KEY = re.compile(r"\b[a-z]+(?:[._-][a-z]+)*_[a-z_]+\b|\b[a-z]+\.[a-z_]+(?:[.-][a-z_]+)+\b|%\(\w+\)[sd]")
_ADDRESSES = re.compile(
    r"https?://\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|cn|dev|net|org|io)\b(?:/\S*)?"
)
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9'’&._@/+-]*[A-Za-z0-9]|[A-Za-z]")
_SKIPPED_TAGS = {"script", "style", "code", "kbd", "pre", "samp", "svg", "noscript", "textarea"}
_READ_ATTRS = ("title", "placeholder", "aria-label", "alt")
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Text(HTMLParser):
    """The words a person reads: text, titles, placeholders and labels; not code, scripts, data
    typed into inputs, or anything marked as another language (``lang="en"``, the switcher)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []
        self.texts: list[str] = []

    def _skipping(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        other_language = values.get("lang") not in (None, "zh-CN", "zh")
        skip = self._skipping() or tag in _SKIPPED_TAGS or other_language or values.get("translate") == "no"
        if not skip:
            # (Pico CSS styles a breadcrumb by its aria-label "breadcrumb": that one stays.)
            self.texts += [str(values[a]) for a in _READ_ATTRS if values.get(a) and values[a] != "breadcrumb"]
        if tag not in _VOID:
            self.stack.append((tag, skip))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID and self.stack:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break

    def handle_data(self, data: str) -> None:
        if not self._skipping() and data.strip():
            self.texts.append(data)


def readable_texts(html: str) -> list[str]:
    parser = _Text()
    parser.feed(html)
    return parser.texts


def _data_words() -> set[str]:
    """Latin words of the tenant's own data: the demo blueprint's and the modules' seeds' strings
    (and the name of the tests' API key)."""
    words: set[str] = {"test"}
    sources = [REPO / "tenants" / "demo.toml", *sorted((REPO / "tests" / "modules").glob("*/seed.py"))]
    for source in sources:
        for literal in re.findall(r"\"([^\"\n]*)\"", source.read_text(encoding="utf-8")):
            words.update(LATIN_WORD.findall(literal))
    return words


def foreign_words(texts: list[str], data: set[str]) -> set[str]:
    """Latin words outside the allow-list and the data's own words, and raw keys."""
    found: set[str] = set()
    for text in texts:
        text = _ADDRESSES.sub(" ", text)  # URLs, e-mail addresses and domain names are data
        found.update(f"raw key {key}" for key in RAW_KEY.findall(text) if key not in data)
        for word in LATIN_WORD.findall(RAW_KEY.sub(" ", text)):
            bare = word.strip("._/-+")
            if bare in data or any(p.match(bare) for p in ALLOWED):
                continue
            found.add(bare)
    return found


async def sign_in(client: httpx.AsyncClient, tenant: TenantHandle) -> None:
    await client.get("/login")
    signed = await client.post(
        "/login",
        data={
            "email": tenant.owner.email,
            "password": PASSWORD,
            "form_token": client.cookies.get("bizsuite_form", ""),
        },
        follow_redirects=False,
    )
    assert signed.status_code == 303, signed.text


def page_paths(
    app: Litestar, ids: dict[tuple[str, str], list[uuid.UUID]], navigation: list[str]
) -> Iterator[str]:
    """Every navigation entry, then every GET page of the app (with the data's ids); live feeds
    (event streams, which never end) are not pages."""
    seen: set[str] = set()
    templates = [
        route.path
        for route in app.routes
        for handler in getattr(route, "route_handlers", [])
        if "GET" in handler.http_methods
        and not handler.opt.get(OUTSIDE_PIPELINE)
        and not handler.opt.get("event_stream")
    ]
    for path in [*navigation, *templates]:
        concrete = _concrete(path, ids) if _PARAM.search(path) else path
        if concrete is None or _SKIP.search(concrete) or concrete in seen:
            continue
        seen.add(concrete)
        yield concrete


async def walk_pages(
    app: Litestar,
    client: httpx.AsyncClient,
    app_engine: AsyncEngine,
    owner_engine: AsyncEngine,
    make_tenant: Callable[..., Awaitable[TenantHandle]],
) -> tuple[TenantHandle, dict[str, str]]:
    """Sign in as the owner of a demo tenant (zh-CN) and read every page: path → HTML."""
    tenant = await make_tenant(modules=ALL_MODULES)
    await _demo_tenant(app_engine, client, tenant)
    ids = await _ids_by_table(owner_engine, app, tenant.id)
    await sign_in(client, tenant)
    client.headers["accept-language"] = "zh-CN,zh;q=0.9"
    home = await client.get("/", headers={"accept": "text/html"})
    navigation = re.findall(r'<a href="(/[^"]*)"', home.text.split('class="sidebar"', 1)[-1])
    assert len(navigation) > 10, "the side bar lists the main pages"
    pages: dict[str, str] = {}
    for path in page_paths(app, ids, navigation):
        answer = await client.get(path, headers={"accept": "text/html"})
        if answer.status_code == 200 and answer.headers.get("content-type", "").startswith("text/html"):
            pages[path] = answer.text
    return tenant, pages


async def test_every_main_page_in_chinese_has_no_english_words_or_raw_keys(
    app: Litestar,
    client: httpx.AsyncClient,
    app_engine: AsyncEngine,
    owner_engine: AsyncEngine,
    make_tenant: Callable[..., Awaitable[TenantHandle]],
) -> None:
    tenant, pages = await walk_pages(app, client, app_engine, owner_engine, make_tenant)
    assert len(pages) > 30
    # Whole pages say they are Chinese (fragments that htmx loads into them have no <html>).
    assert [path for path, html in pages.items() if "<html" in html and 'lang="zh-CN"' not in html] == []
    data = _data_words() | set(LATIN_WORD.findall(f"{tenant.tenant.name} {tenant.owner.name}"))
    # Tasks that other test files register in this process (``tests.*``) are the suite's, not the product's.
    data |= {name for name in TENANT_TASKS if name.startswith("tests.")}
    found = {
        path: sorted(words)
        for path, html in pages.items()
        if (words := foreign_words(readable_texts(html), data))
    }
    assert found == {}, "English words or raw keys on zh-CN pages:\n" + "\n".join(
        f"{path}: {', '.join(words)}" for path, words in sorted(found.items())
    )


def test_the_check_sees_english_and_keys_but_not_codes_names_or_other_languages() -> None:
    html = """<html lang="zh-CN"><head><title>客户 · BizSuite</title></head><body>
      <h1>Accounts</h1><p>编码 C-001，币种 CNY，邮箱 li.min@example.com，附件 note.txt，8h</p>
      <p>状态：end_customer，提醒 crm.churn_risk，%(n)s 条</p>
      <button lang="en">English</button><code>GET /api/v1/accounts</code>
      <input placeholder="Search" value="typed by someone"><script>let x = "Hidden";</script></body></html>"""
    found = foreign_words(readable_texts(html), {"Huaxin"})
    assert found == {
        "Accounts",
        "Search",
        "raw key end_customer",
        "raw key crm.churn_risk",
        "raw key %(n)s",
    }
    assert foreign_words(["华信集团 Huaxin"], {"Huaxin"}) == set()


async def test_every_reseller_portal_page_in_chinese_has_no_english_words_or_raw_keys(
    app: Litestar, client: httpx.AsyncClient
) -> None:
    """The reseller portal's pages (``/reseller``), signed in as a reseller user: every GET page
    route under it, with the reseller's own tenant's id."""
    from tests.core.resellers.conftest import OPERATOR, ResellerHandle
    from tests.core.resellers.test_portal import signed_in_portal
    from tests.core.resellers.test_resellers import provision

    suffix = uuid.uuid4().hex[:8]
    made = await client.post(
        "/api/v1/resellers", json={"slug": f"p-{suffix}", "name": "Partner"}, headers=OPERATOR
    )
    key = await client.post(
        f"/api/v1/resellers/{made.json()['id']}/keys", json={"name": "k"}, headers=OPERATOR
    )
    reseller = ResellerHandle(id=made.json()["id"], slug=f"p-{suffix}", key=key.json()["secret"])
    plan = await client.post(
        "/api/v1/billing/plans",
        json={
            "code": f"walk-{suffix}",
            "name": "协作版",
            "modules": ["crm"],
            "price_month": "120.00",
            "price_year": "1200.00",
            "wholesale_price_month": "80.00",
            "trial_days": 14,
        },
        headers=OPERATOR,
    )
    assert plan.status_code == 201, plan.text
    tenant = (await provision(client, reseller, f"walk-{suffix}", trial=False)).json()["tenant"]
    pages: dict[str, str] = {}
    async with signed_in_portal(app, client, reseller, locale="zh-CN") as portal:
        for route in app.routes:
            if not route.path.startswith("/reseller") or not any(
                "GET" in handler.http_methods for handler in getattr(route, "route_handlers", [])
            ):
                continue
            path = route.path.replace("{tenant_id:uuid}", tenant["id"])
            if path.endswith("/plan"):
                path += f"?plan=walk-{suffix}&seats=2"  # the preview of a move
            answer = await portal.get(path, headers={"accept": "text/html"})
            assert answer.status_code == 200, (path, answer.status_code)
            pages[path] = answer.text
    assert len(pages) >= 8
    assert [path for path, html in pages.items() if 'lang="zh-CN"' not in html] == []
    # Plans are platform data the operator names (other tests' plans too): their names are data.
    plans = (await client.get("/api/v1/reseller/plans", headers=reseller.headers)).json()["items"]
    names = " ".join([tenant["name"], *(p["name"] for p in plans)])
    data = {"Partner", "Seller", *LATIN_WORD.findall(names)}
    found = {
        path: sorted(words)
        for path, html in pages.items()
        if (words := foreign_words(readable_texts(html), data))
    }
    assert found == {}, "English words or raw keys on zh-CN portal pages:\n" + "\n".join(
        f"{path}: {', '.join(words)}" for path, words in sorted(found.items())
    )
