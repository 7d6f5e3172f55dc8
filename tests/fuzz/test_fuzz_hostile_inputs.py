"""Hostile input on every JSON write: a valid body (generated from the operation's schema) with one
string replaced by something hostile — a NUL, a lone surrogate, a right-to-left override, a
1 MB string — or a body nested far too deep. Each is refused with a 4xx problem and leaves the
tenant's tables exactly as they were.

The same profiles as the contract fuzzing (``BIZSUITE_FUZZ``): ``make test`` tries a couple of
bodies per operation, ``make fuzz`` many.
"""

from __future__ import annotations

import copy
from typing import Any

import httpx
import requests
import schemathesis
from bizsuite.core.db import Base
from bizsuite.core.models import GLOBAL_TABLES
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from sqlalchemy import URL, create_engine, text

from tests.fuzz.conftest import FuzzWorld, fuzz_profile
from tests.fuzz.test_fuzz_openapi import SKIPPED, _with_real_ids

#: Strings no field of ours accepts.
HOSTILE = [
    "a\x00b",  # NUL: PostgreSQL cannot store it in text
    "\ud800",  # a lone surrogate: not encodable as UTF-8
    "x\udfffy",
    "a" * (1024 * 1024),  # 1 MB
    "\u202eevil\u202c",  # right-to-left override: spoofs what people read
    "\u2067name\u2069",  # right-to-left isolate
]
DEEP = 1_000
#: Refusals that did not name the hostile field (or acceptances), for the field-naming test below.
UNNAMED: list[str] = []


def _json(value: Any) -> bytes:
    """JSON the way a hostile client writes it (lone surrogates escaped as ``\\udXXX``)."""
    import json

    return json.dumps(value, ensure_ascii=True).encode()


def _string_paths(value: Any, at: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    if isinstance(value, str):
        return [at]
    if isinstance(value, dict):
        return [p for k, v in value.items() for p in _string_paths(v, (*at, k))]
    if isinstance(value, list):
        return [p for i, v in enumerate(value) for p in _string_paths(v, (*at, i))]
    return []


def _replaced(value: Any, path: tuple[Any, ...], new: Any) -> Any:
    if not path:
        return new
    copied = copy.copy(value)
    copied[path[0]] = _replaced(value[path[0]], path[1:], new)
    return copied


def _problem(response: requests.Response) -> dict[str, Any]:
    try:
        body = response.json()
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


#: Rows no request writes itself: the audit log, and the metered usage the app flushes each minute
#: from its in-process counters (a background write that may fall between two probes).
_NOT_WRITTEN_BY_REQUESTS = {"audit_log", "billing_usage"}


def _row_counts(engine: Any, tenant_id: Any) -> dict[str, int]:
    tables = sorted(
        t for t in Base.metadata.tables if t not in GLOBAL_TABLES and t not in _NOT_WRITTEN_BY_REQUESTS
    )
    query = " UNION ALL ".join(f"SELECT '{t}', count(*) FROM \"{t}\" WHERE tenant_id = :t" for t in tables)
    with engine.connect() as connection:
        return {row[0]: row[1] for row in connection.execute(text(query), {"t": tenant_id})}


def test_hostile_strings_and_deep_bodies_are_refused_and_store_nothing(
    live_server: str, fuzz_world: FuzzWorld, owner_url: URL
) -> None:
    profile = fuzz_profile()
    document = httpx.get(f"{live_server}/api/docs/openapi.json", timeout=30).json()
    schema = schemathesis.openapi.from_dict(_with_real_ids(document, fuzz_world))
    schema.config.update(base_url=live_server)
    engine = create_engine(owner_url.set(drivername="postgresql+psycopg"))
    session = requests.Session()
    headers = {**fuzz_world.caller.headers, "Content-Type": "application/json"}
    findings: list[str] = []
    written = 0
    try:
        for result in schema.get_all_operations():
            operation = result.ok()
            body = operation.definition.raw.get("requestBody", {}).get("content", {})
            if "application/json" not in body or (operation.method.lower(), operation.path) in SKIPPED:
                continue
            written += 1
            _attack(operation, live_server, profile, session, headers, engine, fuzz_world, findings)
    finally:
        engine.dispose()
    assert written > 40
    assert findings == [], "\n".join(findings[:40])


def _field_name(path: tuple[Any, ...]) -> str:
    """A body path as the server names it: ``a.b[0].c`` (keys may be empty or hold anything)."""
    name: str | None = None
    for part in path:
        if isinstance(part, int):
            name = f"{name or ''}[{part}]"
        else:
            name = str(part) if name is None else f"{name}.{part}"
    return "body" if name is None else name


def _attack(
    operation: Any,
    base_url: str,
    profile: Any,
    session: requests.Session,
    headers: dict[str, str],
    engine: Any,
    world: FuzzWorld,
    findings: list[str],
) -> None:
    label = f"{operation.method.upper()} {operation.path}"

    @settings(
        max_examples=max(2, profile.examples),
        derandomize=profile.seed is None,
        database=None,
        deadline=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy(), hostile=st.sampled_from(HOSTILE), pick=st.integers(0, 1_000))
    def run(case: Any, hostile: str, pick: int) -> None:
        paths = _string_paths(case.body)
        field = None
        if paths and pick % 4:
            path = paths[pick % len(paths)]
            body = _json(_replaced(case.body, path, hostile))
            what = f"{hostile[:12]!r} at {path}"
            field = _field_name(path)
        else:
            body = b"[" * DEEP + b"]" * DEEP
            what = f"nesting {DEEP} deep"
        url = base_url + case.formatted_path
        before = _row_counts(engine, world.caller.id)
        response = session.request(
            case.method, url, data=body, headers={**(case.headers or {}), **headers}, params=case.query
        )
        after = _row_counts(engine, world.caller.id)
        problem = response.headers.get("content-type", "").startswith("application/problem+json")
        if not (400 <= response.status_code < 500 and problem):
            findings.append(f"{label} with {what} → {response.status_code} {response.text[:160]}")
        if field is not None and response.status_code not in (400, 413):
            named = {e.get("field") for e in (_problem(response).get("errors") or [])}
            shown = {str(n) for n in named if n is not None}
            # Named as the server names fields (keys joined by dots, [i] for an item): the whole
            # path, or its tail when a schema field of the path is named.
            if not any(n == field or field.endswith(n) for n in shown):
                UNNAMED.append(f"{label} with {what} → {response.status_code} {response.text[:160]}")
        changed = {t: (before[t], after[t]) for t in before if before[t] != after[t]}
        if changed:
            findings.append(f"{label} with {what} changed rows: {changed}")

    run()


def test_each_hostile_string_is_refused_naming_its_field() -> None:
    """Runs after the test above (same module, in order): every refusal of a hostile string names
    the field that carried it, in the problem's ``errors``."""
    assert UNNAMED == [], "\n".join(UNNAMED[:40])
