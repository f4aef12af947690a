"""policylint: a linter for privacy policies under Kazakhstan's Law 94-V."""

__version__ = "0.1.0"
