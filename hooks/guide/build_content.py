"""The content of the build in progress, handed from hook to hook on MkDocs' config object.

hooks/guide_pages.py loads and validates content/ once, in `on_config`, and keeps it here; the
other hooks take it with `content_of(config)` instead of loading (or caching) it again.
"""
from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any

from .content import Content

CONTENT_KEY = "registratiewijzer_content"


def keep(config: MutableMapping[str, Any], content: Content) -> None:
    """Hand `content` to the hooks that run after this one in the same build."""
    config[CONTENT_KEY] = content


def content_of(config: MutableMapping[str, Any]) -> Content:
    """The content this build loaded; an error if guide_pages.py did not run first."""
    content = config.get(CONTENT_KEY)
    if not isinstance(content, Content):
        raise RuntimeError("no content loaded: hooks/guide_pages.py must come first under `hooks:` in mkdocs.yml")
    return content
