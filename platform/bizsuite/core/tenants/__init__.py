"""Tenants: the client organisations, each isolated from the others."""
