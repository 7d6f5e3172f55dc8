"""Sandbox tenants: the test clock integrators advance, and what runs when it moves."""
