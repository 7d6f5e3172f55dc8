"""Saved list views: a user's named filters, sort, columns and grouping of a list, private or shared."""
