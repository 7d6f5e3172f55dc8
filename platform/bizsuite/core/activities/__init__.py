"""Activities to do: calls, meetings, emails and to-dos scheduled on any record, with reminders."""
