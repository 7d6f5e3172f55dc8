"""CRM tickets."""
