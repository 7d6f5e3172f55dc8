"""The session connector turns procrastinate's queries into asyncpg ones without changing their meaning."""

from __future__ import annotations

import json

from bizsuite.core.jobs.queue import to_numeric_placeholders
from procrastinate import sql


def test_named_placeholders_become_numbered_and_repeat_the_same_number() -> None:
    statement, values = to_numeric_placeholders(
        "SELECT %(a)s, %(b)s::bigint, %(a)s", {"a": 1, "b": {"k": [1, 2]}, "unused": 3}
    )
    assert statement == "SELECT $1, $2::bigint, $1"
    assert values == (1, json.dumps({"k": [1, 2]}))


def test_jobs_to_defer_keep_their_shape_with_json_arguments() -> None:
    statement, values = to_numeric_placeholders(
        sql.queries["defer_jobs"], {"jobs": [("q", "t", 0, None, None, {"x": 1}, None)]}
    )
    assert "$1::procrastinate_job_to_defer_v1[]" in statement
    assert values == ([("q", "t", 0, None, None, '{"x": 1}', None)],)
