"""The chatter: notes with mentions and attachments, followers and tracked changes on any record."""
