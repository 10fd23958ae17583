"""The site's service worker: Workbox's generateSW over the built files (tools/service-worker.mjs).

Plain Python (no MkDocs). Every built file is precached except source maps, the sitemap and the
search-language files the site does not load, so a visitor who opened one page has all of them.
"""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

WORKER = "sw.js"
ALWAYS_LEFT_OUT = ("**/*.map", "sitemap.xml", "sitemap.xml.gz")
SEARCH_FILES = "assets/javascripts/lunr"
SEARCH_SUPPORT = ("min/lunr.stemmer.support.min.js", "min/lunr.multi.min.js")
SEARCH_EXTRA = {"ja": "tinyseg.js", "th": "wordcut.js"}  # segmenters lunr needs for these languages
RETIRING_WORKER = Path(__file__).parent / "templates" / "retiring-service-worker.js"


class ServiceWorkerError(Exception):
    """The worker could not be written; the message says what to do."""


def write_service_worker(project_root: Path, site: Path, search_languages: list[str]) -> None:
    """Write `site/sw.js` precaching the built files (Workbox, needs Node and `npm ci`)."""
    node = shutil.which("node")
    if node is None:
        raise ServiceWorkerError("writing sw.js needs Node.js (node) on PATH.")
    if not (project_root / "node_modules" / "workbox-build").is_dir():
        raise ServiceWorkerError("node_modules/workbox-build is missing: run `make setup` (or `npm ci`).")
    left_out = [*ALWAYS_LEFT_OUT, *unused_search_files(site, search_languages)]
    done = subprocess.run([node, str(project_root / "tools" / "service-worker.mjs"), str(site), *left_out],
                          cwd=project_root, capture_output=True, text=True, timeout=300)
    if done.returncode != 0 or done.stderr.strip():
        raise ServiceWorkerError((done.stderr or done.stdout).strip()[-1000:])


def unused_search_files(site: Path, languages: list[str]) -> list[str]:
    """Material's lunr files for languages other than `languages`, relative to `site`."""
    folder = site / SEARCH_FILES
    used = {*SEARCH_SUPPORT, *(f"min/lunr.{lang}.min.js" for lang in languages),
            *(SEARCH_EXTRA[lang] for lang in languages if lang in SEARCH_EXTRA)}
    return sorted(f"{SEARCH_FILES}/{path.relative_to(folder).as_posix()}"
                  for path in folder.rglob("*.js") if path.relative_to(folder).as_posix() not in used)


def write_retiring_worker(site: Path) -> None:
    """Under `mkdocs serve`: a sw.js that deletes an earlier build's worker and its stored copies."""
    shutil.copyfile(RETIRING_WORKER, site / WORKER)
