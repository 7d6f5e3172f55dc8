"""Organisation units: the tree inside a tenant (group, subsidiaries, departments...)."""
