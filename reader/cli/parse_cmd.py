"""``byline parse``: read files into clean stories without storing anything."""
