"""CRM revenue."""
