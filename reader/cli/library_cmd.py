"""Library commands: import, list, show, read/unread, bookmark, remove, quotes, export."""
