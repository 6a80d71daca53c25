"""Feed commands: feeds add/list/remove/import/export, refresh."""
