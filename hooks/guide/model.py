"""Load every content file and validate it into one Content object (content.py holds the type)."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .consistency import consistency_problems
from .content import Content
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


def load_content(content_dir: Path) -> Content:
    """Read and validate content/; raise ContentError listing every problem.

    Called once per build (hooks/guide_pages.py hands the result to the other hooks) and by
    `python -m guide`; nothing is cached here.
    """
    return _read_and_validate(content_dir)


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
