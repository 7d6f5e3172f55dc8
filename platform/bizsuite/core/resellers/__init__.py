"""Resellers: partner accounts that provision and look after tenants, never their business data."""
