"""byline: a terminal news reader that knows who said what."""

__version__ = "0.1.0"
