"""Load every content file, validate it, and hold the result as one Content object."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import ClassVar
from pathlib import Path

from .consistency import consistency_problems
from .errors import ContentError, Problem
from .norm_checks import register_problems
from .placeholders import fill_content
from .schema_check import schema_problems
from .yaml_source import SourceFile, read_yaml


Validate = Callable[[SourceFile, Path], list[Problem]]


@dataclass(frozen=True)
class Kind:
    """A kind of content file: where it lives, its schema, whether there is exactly one, and what
    checks a file (its JSON Schema; registers: the calculator's own loader, the schema being editor help)."""

    name: str
    pattern: str
    schema: str
    single: bool = False
    validate: Validate = schema_problems


KINDS = (
    Kind("organisation", "organisation.yml", "organisation.schema.json", single=True),
    Kind("sources", "sources.yml", "sources.schema.json", single=True),
    Kind("bodies", "bodies.yml", "bodies.schema.json", single=True),
    Kind("glossary", "glossary.yml", "glossary.schema.json", single=True),
    Kind("page", "pages/**/*.yml", "page.schema.json"),
    Kind("register", "registers/*.yml", "register.schema.json", validate=register_problems),
    Kind("decision_tree", "decision-trees/*.yml", "decision-tree.schema.json"),
    Kind("worked_example", "worked-examples/*.yml", "worked-example.schema.json"),
)


# Pages that docs/ holds or the hooks generate, linkable as page:<id> like content pages.
FIXED_PAGES = {
    "start": {"path": "index.md", "title": "Start"},
    "begrippen": {"path": "begrippen.md", "title": "Begrippen"},
    "bronnen": {"path": "bronnen.md", "title": "Bronnen"},
    "puntencheck": {"path": "puntencheck.md", "title": "Puntencheck"},
}


@dataclass
class Content:
    """All validated content, by kind; documents keep their file and line map."""

    root: Path
    files: dict[str, list[SourceFile]] = field(default_factory=dict)
    fixed_pages: ClassVar[dict[str, dict]] = FIXED_PAGES

    def one(self, kind: str) -> dict:
        """The data of a single-file kind (organisation, sources, ...)."""
        return self.files[kind][0].data

    def by_id(self, kind: str) -> dict[str, SourceFile]:
        """The documents of a many-file kind, keyed by their `id`."""
        return {doc.data["id"]: doc for doc in self.files.get(kind, [])}

    @property
    def sources(self) -> dict[str, dict]:
        return {s["id"]: s for s in self.one("sources")["sources"]}

    @property
    def pages(self) -> dict[str, SourceFile]:
        return self.by_id("page")

    @property
    def linkable(self) -> dict[str, dict]:
        """Every page a text may link to as page:<id>: its `path` and `title` in the site."""
        documents = [doc.data for docs in self.files.values() for doc in docs]
        return {**self.fixed_pages, **{d["id"]: d for d in documents if isinstance(d, dict) and {"id", "path", "title"} <= d.keys()}}

    @property
    def page_paths(self) -> dict[str, str]:
        """page id → path in the site, for every linkable page."""
        return {page_id: page["path"] for page_id, page in self.linkable.items()}


_cache: dict[Path, tuple[tuple, Content]] = {}


def load_content(content_dir: Path) -> Content:
    """Read and validate content/ once per change; raise ContentError listing every problem.

    Hooks of one build share the result: unchanged files are not parsed again.
    """
    fingerprint = tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in sorted(content_dir.rglob("*")) if p.is_file())
    cached = _cache.get(content_dir)
    if cached and cached[0] == fingerprint:
        return cached[1]
    content = _read_and_validate(content_dir)
    _cache[content_dir] = (fingerprint, content)
    return content


def _read_and_validate(content_dir: Path) -> Content:
    content = Content(content_dir)
    problems: list[Problem] = []
    claimed: set[Path] = set()
    for kind in KINDS:
        paths = sorted(content_dir.glob(kind.pattern))
        claimed.update(paths)
        if kind.single and not paths:
            problems.append(Problem(_shown(content_dir, content_dir / kind.pattern), 1, "", "file is missing"))
        documents = []
        for path in paths:
            try:
                document = read_yaml(path, _shown(content_dir, path))
            except ContentError as error:
                problems.extend(error.problems)
                continue
            problems.extend(kind.validate(document, content_dir / "schemas" / kind.schema))
            documents.append(document)
        content.files[kind.name] = documents
    problems.extend(_unclaimed(content_dir, claimed))
    if not problems:
        problems.extend(fill_content(content))
    if not problems:
        problems.extend(consistency_problems(content))
    if problems:
        raise ContentError(problems)
    return content


# Files in content/ that are not content but are expected there.
SUPPORT_FILES = ("schemas/*.schema.json",)


def _unclaimed(content_dir: Path, claimed: set[Path]) -> list[Problem]:
    """Files that belong to no kind (misplaced, misnamed, or stray); hidden files are left alone."""
    known = claimed | {path for pattern in SUPPORT_FILES for path in content_dir.glob(pattern)}
    return [
        Problem(_shown(content_dir, path), 1, "", _not_read(path))
        for path in sorted(content_dir.rglob("*"))
        if path not in known and not path.is_dir()
        and not any(part.startswith(".") for part in path.relative_to(content_dir).parts)
    ]


def _not_read(path: Path) -> str:
    if path.suffix != ".yml" and path.suffix.lower() in (".yml", ".yaml"):
        return f"content files end in '.yml' (lowercase): rename this file to {path.stem}.yml"
    places = ", ".join(kind.pattern for kind in KINDS)
    return f"this file is not read by the guide; content files live at: {places}"


def _shown(content_dir: Path, path: Path) -> Path:
    """The path as an editor sees it: relative to the project root."""
    return path.relative_to(content_dir.parent) if path.is_relative_to(content_dir.parent) else path
