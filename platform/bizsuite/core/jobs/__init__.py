"""Background jobs and cron-like schedules, run by procrastinate under each tenant's isolation."""
