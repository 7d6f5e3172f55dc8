"""Identity: users, memberships and roles, invitations, web sessions and API keys."""
