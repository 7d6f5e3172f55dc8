"""The audit log: every write, append-only, per tenant."""
