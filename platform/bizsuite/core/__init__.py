"""The kernel: database and tenancy, identity, org units, audit, API conventions."""
