"""Which errors mean "the database is away, retry" (503) and which are our bug (500)."""

from __future__ import annotations

import asyncpg
from bizsuite.core.errors import database_unavailable
from sqlalchemy.exc import DBAPIError


def _raise_from(cause: BaseException) -> BaseException:
    try:
        try:
            raise cause
        except BaseException as inner:
            raise RuntimeError("while rolling back") from inner
    except RuntimeError as outer:
        return outer


def test_a_closed_connection_from_the_driver_is_unavailable_even_unwrapped() -> None:
    assert database_unavailable(asyncpg.ConnectionDoesNotExistError("connection was closed"))
    assert database_unavailable(asyncpg.CannotConnectNowError("the database system is starting up"))
    assert database_unavailable(asyncpg.InterfaceError("connection is closed"))


def test_a_lost_connection_deeper_in_the_chain_is_still_unavailable() -> None:
    assert database_unavailable(_raise_from(asyncpg.ConnectionDoesNotExistError("gone")))
    wrapped = DBAPIError("SELECT 1", None, ConnectionResetError("reset by peer"))
    assert database_unavailable(wrapped)


def test_programming_errors_stay_errors() -> None:
    assert not database_unavailable(asyncpg.InterfaceError("another operation is in progress"))
    assert not database_unavailable(asyncpg.UndefinedColumnError("column x does not exist"))
    assert not database_unavailable(ValueError("bad"))
    assert not database_unavailable(_raise_from(FileNotFoundError("not a database file")))
