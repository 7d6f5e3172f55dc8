"""CRM pipeline."""
