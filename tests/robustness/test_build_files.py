"""Files in content/ that the guide would not read are refused, never ignored silently."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

PLACES = ("organisation.yml, sources.yml, bodies.yml, glossary.yml, pages/**/*.yml, registers/*.yml, "
          "decision-trees/*.yml, worked-examples/*.yml")

CASES = [  # (case id, file to add, expected message)
    ("uppercase-extension", "pages/krsd/tarieven.YML", "content files end in '.yml' (lowercase): rename this file to tarieven.yml"),
    ("yaml-extension", "registers/big.yaml", "content files end in '.yml' (lowercase): rename this file to big.yml"),
    ("misplaced", "pagina.yml", f"this file is not read by the guide; content files live at: {PLACES}"),
    ("too-deep", "registers/oud/krsd.yml", f"this file is not read by the guide; content files live at: {PLACES}"),
    ("stray-text", "pages/notities.txt", f"this file is not read by the guide; content files live at: {PLACES}"),
    ("stray-markdown", "pages/krsd/extra.md", f"this file is not read by the guide; content files live at: {PLACES}"),
    ("backup", "glossary.yml~", f"this file is not read by the guide; content files live at: {PLACES}"),
    ("stray-schema", "schemas/extra.json", f"this file is not read by the guide; content files live at: {PLACES}"),
]


@pytest.mark.parametrize(("name", "expected"), [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_a_file_the_guide_would_not_read_is_refused(content_copy: Path, problems_of: Callable[[], list[str]],
                                                   name: str, expected: str) -> None:
    path = content_copy / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("id: x\n", encoding="utf-8")
    assert problems_of() == [f"content/{name}:1: {expected}"]


def test_hidden_files_of_editors_and_systems_are_left_alone(content_copy: Path) -> None:
    from guide.model import load_content

    (content_copy / ".DS_Store").write_bytes(b"\x00\x01")
    (content_copy / "pages" / ".kosten.yml.swp").write_bytes(b"\x00")
    load_content(content_copy)
