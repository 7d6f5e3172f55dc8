"""Alerts and notifications: raised by modules, delivered to inboxes, email and SMS."""
