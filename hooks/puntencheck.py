"""MkDocs hook: put the puntencheck's files into the site.

Thin adapter: vendored Pyodide (from node_modules), the calculator wheel, norms.json,
examples.json, manifest.json (and, with PUNTENCHECK_SNAPSHOT=1, a memory snapshot) come from `guide.puntencheck_assets`; this file only hands
them to MkDocs as generated files, so `mkdocs serve` serves them too.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from guide.errors import ContentError
from guide.model import load_content
from guide.puntencheck_assets import AssetError, site_assets

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files


SNAPSHOT = "PUNTENCHECK_SNAPSHOT"  # "1": ship a Pyodide memory snapshot (Python ready ~3x sooner, +6 MB, needs Node)


def on_files(files: Files, /, *, config: MkDocsConfig) -> Files | None:
    """Add the puntencheck's generated and vendored files; a missing piece stops the build."""
    root = Path(config.config_file_path).resolve().parent
    try:
        assets = site_assets(root, load_content(root / "content"), with_snapshot=os.environ.get(SNAPSHOT) == "1")
    except (AssetError, ContentError) as error:
        raise PluginError(f"puntencheck: {error}") from None
    for asset in assets:
        if files.get_file_from_path(asset.path):
            raise PluginError(f"puntencheck: docs/{asset.path} exists too; these files are generated")
        if asset.source is not None:
            files.append(File.generated(config, asset.path, abs_src_path=str(asset.source)))
        else:
            files.append(File.generated(config, asset.path, content=asset.data))
    return files
