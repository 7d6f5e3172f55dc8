"""The shell and the platform probes: health, readiness, the home page and the user's own account."""
