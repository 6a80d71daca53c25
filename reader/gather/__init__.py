"""Bringing articles in from outside: files and folders, URLs, feeds, refresh.

``importer`` reads paths and URLs into the library, ``subscribe`` adds feeds,
``refresh`` (with ``refresh_job``, ``refresh_retry`` and ``refresh_work``)
brings subscribed feeds up to date, and ``pool`` starts the parser processes
both use. This room may import ``ingest`` and ``library``; nothing below it
imports this room.
"""
