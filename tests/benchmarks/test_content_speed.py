"""Speed of reading content/: every YAML file through the guide's loader, with libyaml's parser and
with PyYAML's pure-Python one (the same messages either way). `make bench` measures it."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from calculator import plain_yaml
from guide import yaml_source

CONTENT = Path(__file__).resolve().parents[2] / "content"


def _read_all(files: list[Path]) -> int:
    return sum(len(yaml_source.read_yaml(path).lines) for path in files)


@pytest.mark.benchmark_run
@pytest.mark.parametrize("parser", ["libyaml", "pure-python"])
def test_read_every_content_file(benchmark: Any, monkeypatch: pytest.MonkeyPatch, parser: str) -> None:
    if parser == "libyaml" and not hasattr(yaml, "CSafeLoader"):
        pytest.skip("PyYAML without libyaml")
    monkeypatch.setattr(plain_yaml, "FAST_LOADER", yaml.CSafeLoader if parser == "libyaml" else yaml.SafeLoader)
    files = sorted(CONTENT.rglob("*.yml"))
    values = benchmark(_read_all, files)
    assert values > 10 * len(files)  # every file read whole
