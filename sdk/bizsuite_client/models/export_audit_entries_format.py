from typing import Literal

ExportAuditEntriesFormat = Literal["csv", "xlsx"]

EXPORT_AUDIT_ENTRIES_FORMAT_VALUES: set[ExportAuditEntriesFormat] = {
    "csv",
    "xlsx",
}


def check_export_audit_entries_format(value: str) -> ExportAuditEntriesFormat:
    if value in EXPORT_AUDIT_ENTRIES_FORMAT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {EXPORT_AUDIT_ENTRIES_FORMAT_VALUES!r}")
