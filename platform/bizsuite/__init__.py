"""BizSuite: a multi-tenant business suite on Litestar and PostgreSQL."""

__version__ = "0.1.0"
