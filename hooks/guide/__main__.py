"""`python -m guide [content-dir]`: validate the content without building the site, and list for the
editors what was not checked (`checked:`) for more than `review_after_months`."""
from __future__ import annotations

import sys
from pathlib import Path

from datetime import date

from .errors import ContentError
from .freshness import checked_files, overdue, report
from .model import load_content


def main(argv: list[str]) -> int:
    content_dir = Path(argv[0]) if argv else Path("content")
    try:
        content = load_content(content_dir)
    except ContentError as error:
        print(error.report(), file=sys.stderr)
        return 1
    counts = ", ".join(f"{len(docs)} {kind}" for kind, docs in content.files.items())
    print(f"content/ is valid: {counts}")
    months = content.one("organisation")["review_after_months"]
    late = overdue(checked_files(content), date.today(), months)
    print("\n".join(report(late, months)) or f"Alles is in de laatste {months} maanden gecontroleerd.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
