"""Fixtures shared by the test modules."""

from __future__ import annotations

import pytest

from policylint.pipeline import Linter


@pytest.fixture(scope="session")
def linter() -> Linter:
    """The shipped rules and lexicon, loaded once for the whole run."""
    return Linter.load()
