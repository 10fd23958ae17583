"""MkDocs hook: the service worker that keeps the guide available offline after one visit.

`mkdocs build` writes `sw.js` with Workbox from the list of built files (`guide.service_worker`)
and pages register it. `mkdocs serve` must never show an earlier build's stored pages: pages
register no worker there, and its `sw.js` removes one that an earlier build left in the browser.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Literal

from mkdocs.exceptions import PluginError

from guide.service_worker import ServiceWorkerError, write_retiring_worker, write_service_worker

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

_command = "build"


def on_startup(*, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
    """Remember whether this is `mkdocs serve` (called once, before the first build)."""
    global _command
    _command = command


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Tell the page template whether to register the worker."""
    config.extra["service_worker"] = _command != "serve"
    return config


def on_post_build(*, config: MkDocsConfig) -> None:
    """Write sw.js into the built site: Workbox's precaching worker, or the retiring one under serve."""
    site = Path(config.site_dir)
    if not config.extra["service_worker"]:
        write_retiring_worker(site)
        return
    search = next((plugin for name, plugin in config.plugins.items() if name.endswith("search")), None)
    languages = (search.config.lang if search else None) or ["en"]
    try:
        write_service_worker(Path(config.config_file_path).resolve().parent, site, languages)
    except ServiceWorkerError as error:
        raise PluginError(f"service worker: {error}") from None
