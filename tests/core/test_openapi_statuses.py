"""The OpenAPI document lists every status each operation can answer, by one rule over the route
table (guards, path ids, writes, bodies, If-Match, what a handler declares itself), and the
statuses the server was seen to answer are listed where they occur."""

from __future__ import annotations

from typing import Any

from litestar import Litestar
from litestar.routes import HTTPRoute

PROBLEM = {"application/problem+json": {"schema": {"$ref": "#/components/schemas/ProblemDetails"}}}


def _operations(app: Litestar) -> list[tuple[str, str, Any, dict[str, Any]]]:
    document = app.openapi_schema.to_schema()
    found = []
    for route in app.routes:
        if not isinstance(route, HTTPRoute):
            continue
        for handler in route.route_handlers:
            if not handler.resolve_include_in_schema():
                continue
            for method in handler.http_methods:
                if method in ("HEAD", "OPTIONS"):
                    continue
                operation = document["paths"][route.path_format][method.lower()]
                found.append((method, route.path_format, handler, operation))
    return found


def test_every_operation_lists_the_statuses_its_route_can_answer(app: Litestar) -> None:
    operations = _operations(app)
    assert len(operations) > 150
    wrong = []
    for method, path, handler, operation in operations:
        listed = set(operation["responses"])
        parameters = {p["name"] for p in operation.get("parameters", [])}
        expected = {"400", "422", "429", "503"}
        if handler.resolve_guards() or handler.opt.get("starts_session"):
            expected |= {"401", "403"}
        if "{" in path:
            expected.add("404")
        if method != "GET":
            expected.add("409")
        if "requestBody" in operation:
            expected |= {"413", "415"}
        if "If-Match" in parameters:
            expected |= {"412", "428"}
        expected |= {str(code) for code in handler.responses or {} if code >= 400}
        errors = {code for code in listed if code[0] in "45"}
        if errors != expected:
            wrong.append((method, path, sorted(errors ^ expected)))
        if any(operation["responses"][code]["content"] != PROBLEM for code in errors):
            wrong.append((method, path, "an error that is not a problem"))
    assert wrong == []


def _statuses(app: Litestar, method: str, path: str) -> set[str]:
    return set(app.openapi_schema.to_schema()["paths"][path][method]["responses"])


def test_the_statuses_seen_in_the_field_are_listed(app: Litestar) -> None:
    assert {"200", "201"} <= _statuses(app, "post", "/api/v1/alerts")  # 200: a duplicate dedup_key
    assert {"413", "415"} <= _statuses(app, "post", "/api/v1/files")
    assert {"412", "428"} <= _statuses(app, "put", "/api/v1/crm/settings")
    assert {"404", "412", "428"} <= _statuses(app, "put", "/api/v1/crm/sla-policies/{policy_id}")
    assert {"403", "404"} <= _statuses(app, "get", "/api/v1/files/content")  # a bad or stale link
    assert "404" in _statuses(app, "get", "/api/v1/inbox")  # another member's inbox that is not there
    # A read without an id cannot answer 404, and one without If-Match never 412/428.
    assert not {"404", "412", "428"} & _statuses(app, "get", "/api/v1/org-units")
