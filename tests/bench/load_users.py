"""The users of the P4 load benchmark, for locust: run by ``test_load.py`` in a process of its own
(locust patches the standard library with gevent), never imported by pytest.

    BIZSUITE_LOAD_PLAN=plan.json locust -f tests/bench/load_users.py --headless --host URL ...

The plan (``load_data.py``) names the identities, the accounts to read, the search words, the
import file and where to write what was measured. Every user waits ``think_seconds`` on average
(uniformly 0.5x to 1.5x) between two actions and comes from an address of its own
(``X-Forwarded-For``, trusted from loopback as from a load balancer).

- :class:`Browser`, a person in the web UI: signs in once (through the sign-in form, or with a
  session opened earlier in the day), then views pages as a browser does: the page, then the
  fragments it loads (``hx-get`` with ``hx-trigger="load"``, chart data); later pages as htmx's
  boosted navigation; the accounts list's search as you type and the search palette as htmx
  fragments; writes: an activity from the account page's quick form (then the page it redirects
  to) and a chatter note (a multipart htmx post, answered with the chatter fragment).
- :class:`Integration`, an API client with a key of its own: account lists (first pages, next
  pages, searches), account reads, an account's activities; writes: create an account, update one
  (read it, then ``PATCH`` with ``If-Match``), record an activity.
- :class:`Importer`, one user: once the load is up, uploads a CSV of accounts through the API,
  confirms it and follows its progress until the background worker has imported it.

A response counts as an error unless its status is the one the action expects (200, a 201 or 202
for creations, a 303 after a form). Every request is also written to ``requests_csv`` (start time,
method, name, response time, status, error) for the benchmark's own figures.
"""

from __future__ import annotations

import csv
import html
import itertools
import json
import os
import random
import re
import time
import uuid
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from locust import FastHttpUser, between, constant, events, task
from locust.exception import StopUser

PLAN: dict[str, Any] = json.loads(Path(os.environ["BIZSUITE_LOAD_PLAN"]).read_text("utf-8"))
THINK = float(PLAN["think_seconds"])
ACCOUNTS: list[str] = PLAN["accounts"]
TERMS: list[str] = PLAN["search_terms"]
RUN = PLAN["run"]

#: Fragments a page loads as soon as it is shown, and chart data its scripts fetch.
LOADED = re.compile(r'hx-get="([^"]+)"[^>]*hx-trigger="load"')
CHART_DATA = re.compile(r'data-src="(/[^"]+)"')
CSRF = re.compile(r'"X-CSRF-Token": "([^"]+)"')
FORM_TOKEN = re.compile(r'name="form_token" value="([^"]+)"')
TITLE = re.compile(r"<title>(.*?)</title>", re.S)
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")

_browsers = itertools.count()
_integrations = itertools.count()
_measured: list[tuple[float, str, str, float, int, str]] = []
_outcome: dict[str, Any] = {}


def _name(path: str) -> str:
    """A request's name in the statistics: its path with ids as ``{id}``, the query's keys only."""
    path, _, query = path.partition("?")
    name = UUID.sub("{id}", path)
    keys = sorted({part.partition("=")[0] for part in query.split("&") if part})
    return name + ("?" + "&".join(keys) if keys else "")


@events.request.add_listener
def _record(
    request_type: str,
    name: str,
    response_time: float,
    response: Any = None,
    exception: BaseException | None = None,
    start_time: float | None = None,
    **_kwargs: Any,
) -> None:
    status = int(getattr(response, "status_code", 0) or 0)
    error = "" if exception is None else str(exception)[:200].replace("\n", " ")
    _measured.append((start_time or time.time(), request_type, name, response_time, status, error))


@events.spawning_complete.add_listener
def _spawned(user_count: int, **_kwargs: Any) -> None:
    _outcome.setdefault("spawning_complete", time.time())
    _outcome["users"] = user_count


@events.test_start.add_listener
def _started(**_kwargs: Any) -> None:
    _outcome["test_start"] = time.time()


@events.quitting.add_listener
def _write(**_kwargs: Any) -> None:
    _outcome["test_stop"] = time.time()
    with open(PLAN["requests_csv"], "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["start", "method", "name", "ms", "status", "error"])
        writer.writerows(_measured)
    Path(PLAN["outcome_json"]).write_text(json.dumps(_outcome), encoding="utf-8")


class _Visitor(FastHttpUser):
    """What every simulated user does with a request: its own address, expected statuses."""

    abstract = True
    wait_time = between(THINK * 0.5, THINK * 1.5)
    address = "127.0.0.1"

    def headers(self, extra: dict[str, str] | None = None) -> dict[str, str]:
        return {"X-Forwarded-For": self.address, "Accept-Language": "zh-CN,zh;q=0.9", **(extra or {})}

    def call(
        self,
        method: str,
        path: str,
        *,
        expect: tuple[int, ...] = (200,),
        headers: dict[str, str] | None = None,
        **kwargs: Any,
    ) -> Any:
        with self.client.request(
            method,
            path,
            name=_name(path),
            headers=self.headers(headers),
            catch_response=True,
            allow_redirects=False,
            **kwargs,
        ) as response:
            if response.status_code in expect:
                response.success()
            else:
                text = response.text or ""
                title = TITLE.search(text)  # an error page: its title says what happened
                detail = (title[1] if title else text[:200]) if response.status_code else str(response.error)
                response.failure(f"{response.status_code}: {detail}")
            return response


class Browser(_Visitor):
    """A person in the web UI (see the module's docstring)."""

    weight = int(PLAN["weights"]["browser"])

    def on_start(self) -> None:
        me = PLAN["web_users"][next(_browsers) % len(PLAN["web_users"])]
        self.address = me["address"]
        self.cookie = ""
        self.csrf = ""
        self.navigated = False
        if me["sign_in"]:
            self.sign_in(me["email"])
        else:
            self.cookie = f"bizsuite_session={me['cookie']}"
            self.csrf = me["csrf"]
        self.page("/")

    def headers(self, extra: dict[str, str] | None = None) -> dict[str, str]:
        # A session opened earlier is sent by hand; one opened here lives in locust's cookie jar.
        return super().headers({"Cookie": self.cookie, **(extra or {})} if self.cookie else extra)

    def sign_in(self, email: str) -> None:
        form = self.call("GET", "/login")
        token = FORM_TOKEN.search(form.text or "")
        body = {
            "email": email,
            "password": PLAN["password"],
            "form_token": token[1] if token else "",
            "next": "/",
        }
        self.call(
            "POST",
            "/login",
            data=urlencode(body),
            headers={"Content-Type": "application/x-www-form-urlencoded"},
            expect=(303,),
        )

    def page(self, path: str) -> str:
        """A page, then what it loads by itself; after the first, as htmx's boosted navigation."""
        boosted = {"HX-Request": "true", "HX-Boosted": "true"} if self.navigated else None
        text = self.call("GET", path, headers=boosted).text or ""
        self.navigated = True
        found = CSRF.search(text)
        if found:
            self.csrf = found[1]
        for fragment in LOADED.findall(text):
            self.call("GET", html.unescape(fragment), headers={"HX-Request": "true"})
        for data in CHART_DATA.findall(text):
            self.call("GET", html.unescape(data))
        return text

    def fragment(self, path: str, target: str) -> None:
        self.call("GET", path, headers={"HX-Request": "true", "HX-Target": target})

    @task(3)
    def home(self) -> None:
        self.page("/")

    @task(2)
    def crm_overview(self) -> None:
        self.page("/crm")

    @task(4)
    def account_list(self) -> None:
        self.page("/crm/accounts")

    @task(3)
    def search_accounts(self) -> None:
        """Typing into the list's search box: a fragment for the first characters, then the word."""
        term = random.choice(TERMS)
        if len(term) > 2:
            self.fragment(f"/crm/accounts?q={quote(term[:2])}", "list-results")
        self.fragment(f"/crm/accounts?q={quote(term)}", "list-results")

    @task(2)
    def search_palette(self) -> None:
        self.fragment(f"/search/palette?q={quote(random.choice(TERMS))}", "palette-results")

    @task(5)
    def account_page(self) -> None:
        self.page(f"/crm/accounts/{random.choice(ACCOUNTS)}")

    @task(2)
    def add_activity(self) -> None:
        """The account page's quick form: an activity, then the page it redirects to."""
        account = random.choice(ACCOUNTS)
        body = {
            "csrf_token": self.csrf,
            "kind": "call",
            "occurred_at": "",
            "contact_id": "",
            "subject": f"电话回访 {RUN}",
            "body": "客户反馈电梯维保响应及时，下季度续约意向明确。",
        }
        posted = self.call(
            "POST",
            f"/crm/accounts/{account}/activities",
            data=urlencode(body),
            headers={"Content-Type": "application/x-www-form-urlencoded", "X-CSRF-Token": self.csrf},
            expect=(303,),
        )
        location = posted.headers.get("location") if posted.status_code == 303 else None
        if location:
            self.page(location.partition("#")[0])  # a browser keeps the fragment to itself

    @task(4)
    def chatter_note(self) -> None:
        """A note in the account's chatter (htmx posts the form as multipart, gets the fragment)."""
        boundary = uuid.uuid4().hex
        parts = {"csrf_token": self.csrf, "body": f"已与客户确认下月巡检安排（{RUN}）。"}
        data = (
            "".join(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n{value}\r\n'
                for key, value in parts.items()
            )
            + f"--{boundary}--\r\n"
        )
        self.call(
            "POST",
            f"/chatter/crm_accounts/{random.choice(ACCOUNTS)}/notes",
            data=data.encode(),
            headers={
                "Content-Type": f"multipart/form-data; boundary={boundary}",
                "X-CSRF-Token": self.csrf,
                "HX-Request": "true",
            },
        )


class Integration(_Visitor):
    """An API client with a key of its own (see the module's docstring)."""

    weight = int(PLAN["weights"]["integration"])

    def on_start(self) -> None:
        number = next(_integrations)
        me = PLAN["api_keys"][number % len(PLAN["api_keys"])]
        self.address = me["address"]
        self.key = me["key"]
        self.number = number
        self.made = 0
        self.next_cursor: str | None = None
        # Accounts this client updates: its own share, so two clients never race for a version.
        self.mine = ACCOUNTS[number % len(ACCOUNTS) :: len(PLAN["api_keys"])] or ACCOUNTS

    def headers(self, extra: dict[str, str] | None = None) -> dict[str, str]:
        return super().headers(
            {"Authorization": f"Bearer {self.key}", "Accept": "application/json", **(extra or {})}
        )

    def listing(self, query: str) -> None:
        response = self.call("GET", f"/api/v1/crm/accounts?limit=50{query}")
        try:
            self.next_cursor = response.json().get("next_cursor") if response.status_code == 200 else None
        except ValueError:
            self.next_cursor = None

    @task(5)
    def first_page(self) -> None:
        self.listing("")

    @task(2)
    def next_page(self) -> None:
        self.listing(f"&cursor={quote(self.next_cursor)}" if self.next_cursor else "")

    @task(2)
    def search(self) -> None:
        self.listing(f"&q={quote(random.choice(TERMS))}")

    @task(5)
    def read_account(self) -> None:
        self.call("GET", f"/api/v1/crm/accounts/{random.choice(ACCOUNTS)}")

    @task(2)
    def account_activities(self) -> None:
        self.call("GET", f"/api/v1/crm/accounts/{random.choice(ACCOUNTS)}/activities?limit=20")

    @task(1)
    def create_account(self) -> None:
        self.made += 1
        body = {
            "code": f"L{RUN}-{self.number}-{self.made}",
            "name": f"负载测试新客户 {RUN}-{self.number}-{self.made}",
            "kind": "end_customer",
            "industry": "物业管理",
            "phone": "021-6888 1234",
        }
        self.call("POST", "/api/v1/crm/accounts", json=body, expect=(201,))

    @task(1)
    def update_account(self) -> None:
        account = random.choice(self.mine)
        read = self.call("GET", f"/api/v1/crm/accounts/{account}")
        if read.status_code != 200:
            return
        version = str(read.json()["version"])
        body = {"phone": f"021-{random.randint(10_000_000, 99_999_999)}"}
        self.call("PATCH", f"/api/v1/crm/accounts/{account}", json=body, headers={"If-Match": version})

    @task(1)
    def record_activity(self) -> None:
        body = {"kind": "visit", "subject": f"上门拜访 {RUN}", "body": "巡检电梯三台，记录两项整改。"}
        self.call(
            "POST", f"/api/v1/crm/accounts/{random.choice(ACCOUNTS)}/activities", json=body, expect=(201,)
        )


class Importer(_Visitor):
    """One person importing a customer list while everyone else works (see the module's docstring)."""

    fixed_count = 1
    wait_time = constant(2)

    def on_start(self) -> None:
        self.address = "10.250.0.1"
        self.key = PLAN["import"]["key"]
        self.import_id: str | None = None
        time.sleep(PLAN["import"]["start_after"])
        data = Path(PLAN["import"]["csv"]).read_bytes()
        started = time.time()
        uploaded = self.call(
            "POST",
            f"/api/v1/imports?kind=crm.accounts&name={quote(f'客户名单-{RUN}.csv')}",
            data=data,
            headers={"Content-Type": "text/csv"},
            expect=(201,),
        )
        _outcome["import"] = {"uploaded": started, "upload_ms": (time.time() - started) * 1000}
        if uploaded.status_code != 201:
            raise StopUser
        preview = uploaded.json()
        _outcome["import"]["preview_status"] = preview.get("status")
        self.import_id = preview["id"]
        confirmed = self.call("POST", f"/api/v1/imports/{self.import_id}/confirm", expect=(202,))
        _outcome["import"]["confirmed"] = time.time()
        if confirmed.status_code != 202:
            raise StopUser

    def headers(self, extra: dict[str, str] | None = None) -> dict[str, str]:
        return super().headers(
            {"Authorization": f"Bearer {self.key}", "Accept": "application/json", **(extra or {})}
        )

    @task
    def progress(self) -> None:
        response = self.call("GET", f"/api/v1/imports/{self.import_id}")
        if response.status_code != 200:
            return
        state = response.json()
        _outcome["import"]["status"] = state.get("status")
        _outcome["import"]["processed_rows"] = state.get("processed_rows")
        if state.get("status") in {"completed", "failed"}:
            _outcome["import"]["finished"] = time.time()
            raise StopUser


if not PLAN["import"]["rows"]:
    Importer.abstract = True  # no import in this run
