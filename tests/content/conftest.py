"""Fixtures for content tests: a scratch copy of content/ that a test may break."""
from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from guide.errors import ContentError
from guide.model import load_content

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    """A copy of the real content/ under tmp_path/content."""
    target = tmp_path / "content"
    shutil.copytree(ROOT / "content", target)
    return target


@pytest.fixture
def problems_of(content_copy: Path) -> Callable[[], list[str]]:
    """Load the (broken) copy and return its problems as 'file:line: message' strings."""

    def load() -> list[str]:
        with pytest.raises(ContentError) as caught:
            load_content(content_copy)
        return [str(problem) for problem in caught.value.problems]

    return load
