"""The side bar marks the one entry a page belongs to: the longest matching link."""

from __future__ import annotations

from bizsuite.web.templating import NavItem, current_entry

ITEMS = [NavItem("Home", "/"), NavItem("CRM overview", "/crm"), NavItem("Pipeline", "/crm/pipeline")]


def test_a_page_under_a_section_marks_the_deepest_entry_only() -> None:
    assert current_entry(ITEMS, "/crm/pipeline/opportunities/new") == "/crm/pipeline"
    assert current_entry(ITEMS, "/crm") == "/crm"
    assert current_entry(ITEMS, "/crm/accounts") == "/crm"
    assert current_entry(ITEMS, "/") == "/"


def test_a_link_is_not_a_prefix_of_a_longer_word() -> None:
    assert current_entry(ITEMS, "/crmx") is None
