"""File storage: per-tenant objects in a local folder or S3, with a metadata row per file.

Modules attach files to their documents (``document_type``, ``document_id``) and call
:func:`delete_document_files` when they delete a document.
"""

from bizsuite.core.files.models import StoredFile
from bizsuite.core.files.services import delete_document_files
from bizsuite.core.files.storage import LocalStorage, ObjectStorage, S3Storage, storage_from_settings

__all__ = [
    "LocalStorage",
    "ObjectStorage",
    "S3Storage",
    "StoredFile",
    "delete_document_files",
    "storage_from_settings",
]
