"""CRM dashboard."""
