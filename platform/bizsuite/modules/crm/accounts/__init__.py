"""CRM accounts."""
