"""MkDocs hook: put the puntencheck's files into the site.

Thin adapter: vendored Pyodide (from node_modules), the calculator wheel, norms.json and, with
PUNTENCHECK_SNAPSHOT=1, a build-time Pyodide memory snapshot (off by default: the browser takes
its own after the first start, which keeps the first visit small) come from
`guide.puntencheck_assets`, made from the content hooks/guide_pages.py loaded for this build;
this file hands them to MkDocs as generated files (so `mkdocs serve` serves them too) and gives
the page's template what it embeds.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from guide.build_content import content_of
from guide.errors import AssetError
from guide.puntencheck_assets import DATA_DIR, site_assets
from guide.pyodide_snapshot import SNAPSHOT_SWITCH

if TYPE_CHECKING:
    from guide.model import Content
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

# The page's ES modules, preloaded by its template so they load in parallel (not the worker, nor
# the classic-script fallback).
MODULES_DIR = "assets/puntencheck"
NOT_PRELOADED = {"worker.js", "snapshots.js", "fallback.js", "boot.js"}  # the worker's modules, the classic scripts


def on_files(files: Files, /, *, config: MkDocsConfig) -> Files | None:
    """Add the puntencheck's generated and vendored files; a missing piece stops the build."""
    root = Path(config.config_file_path).resolve().parent
    try:
        content = content_of(config)
        puntencheck = site_assets(root, content, with_snapshot=os.environ.get(SNAPSHOT_SWITCH) == "1")
    except AssetError as error:
        raise PluginError(f"puntencheck: {error}") from None
    modules = sorted(p.name for p in (Path(config.docs_dir) / MODULES_DIR).glob("*.js") if p.name not in NOT_PRELOADED)
    config.extra["puntencheck"] = {**puntencheck.page_data, "guide": guide_links(content),
                                   "modules": [f"{MODULES_DIR}/{name}" for name in modules], "data_dir": DATA_DIR}
    for asset in puntencheck.assets:
        if files.get_file_from_path(asset.path):
            raise PluginError(f"puntencheck: docs/{asset.path} exists too; these files are generated")
        if asset.source is not None:
            files.append(File.generated(config, asset.path, abs_src_path=str(asset.source)))
        else:
            files.append(File.generated(config, asset.path, content=asset.data))
    return files


def guide_links(content: Content) -> dict[str, dict[str, Any]]:
    """For the form's category help: each register's guide page (URL from the site root, title) and
    source titles."""
    pages = {}
    for register in content.files.get("register", []):
        page_id = register.data["guide_page"]
        page = content.linkable[page_id]
        folder = page["path"].removesuffix(".md").removesuffix("index").rstrip("/")
        pages[page_id] = {"url": f"{folder}/" if folder else "", "title": page["title"]}
    return {"pages": pages, "sources": {source_id: source["title"] for source_id, source in content.sources.items()}}
