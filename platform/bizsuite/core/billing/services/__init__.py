"""Billing workflows, one file per aggregate."""
