"""Rules of saved views: what of a list's query string a view keeps."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode

#: A place in the list or a one-off message, never part of a view.
TRANSIENT = frozenset({"cursor", "before", "at", "notice", "format", "view", "ids", "csrf_token"})


def view_query(query: str) -> str:
    """The view's part of a list's query string: filters, sort, columns and grouping, in the
    order sent, without paging, toasts or selections, and without empty values.

    >>> view_query("?q=明辉&cursor=abc&sort=-name&kind=&col=code&col=name")
    'q=%E6%98%8E%E8%BE%89&sort=-name&col=code&col=name'
    """
    pairs = parse_qsl(query.lstrip("?"), keep_blank_values=False)
    return urlencode([(k, v) for k, v in pairs if k not in TRANSIENT and v.strip()])
