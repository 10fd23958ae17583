"""Command line: `python -m calculator check FILE` and `python -m calculator registers`.

The only module that reads files and the clock, and the only one that uses pyyaml (through plain_yaml).
Exit codes: 0 norm met, 1 not met, 2 input refused (one line on stderr, never a traceback).
"""
from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any, NoReturn

from .api import check, parse_json_text, registers_summary
from .errors import InputError, as_input_error
from .fields import counting_date
from .ics import calendar_text, page_route
from .input_text import MAX_BYTES, decode
from .portfolio_text import looks_like_json, read_portfolio_text
from .printable import json_text, printable
from .report import registers_text, verdict_text

CONTENT_DIR = Path(__file__).resolve().parent.parent / "content"
REGISTERS_DIR = CONTENT_DIR / "registers"
PACKAGED_NORMS = "norms.json"  # package data in the wheel (hooks/guide/calculator_wheel.py writes it)
EXIT_MET, EXIT_NOT_MET, EXIT_REFUSED = 0, 1, 2
_ARGPARSE_DUTCH = (
    ("the following arguments are required", "dit ontbreekt"), ("unrecognized arguments", "onbekend"),
    ("invalid choice", "ongeldige keuze"), ("choose from", "kies uit"),
    ("expected one argument", "verwacht een waarde"), ("argument ", "argument "),
)


class _Parser(argparse.ArgumentParser):
    """argparse that refuses bad calls with one Dutch line (exit 2) instead of usage text."""

    def error(self, message: str) -> NoReturn:
        """Raise InputError (exit 2) with argparse's message in Dutch."""
        for english, dutch in _ARGPARSE_DUTCH:
            message = message.replace(english, dutch)
        raise InputError("", f"Ongeldige aanroep: {message} (zie --help)")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit code."""
    _utf8_output()
    arguments = list(sys.argv[1:] if argv is None else argv)
    try:
        args = _parser().parse_args(arguments)
        run: Callable[[argparse.Namespace], int] = args.run
        return run(args)
    except Exception as error:  # the boundary: never a traceback
        return _refuse(as_input_error(error), as_json="--json" in arguments)


def _check(args: argparse.Namespace) -> int:
    text = _read_text(args.file)
    norms = load_norms(args.norms)
    today = counting_date(args.today, "--today") if args.today is not None else date.today()
    if looks_like_json(text) and (args.register or args.start or args.option):
        raise InputError("", "--register, --start en --option gelden alleen voor CSV; zet ze in het JSON-portfolio")
    source = read_portfolio_text(text, args.register, args.start, tuple(args.option))
    verdict = check(source.portfolio, norms, today, locate=source.locate)
    if args.ics:
        _write_text(args.ics, calendar_text(verdict, _guide_url(args.site_url, verdict["guide_page"])))
    _print(json_text(verdict) if args.json else verdict_text(verdict, source.name_activity))
    return EXIT_MET if verdict["passed"] else EXIT_NOT_MET


def _registers(args: argparse.Namespace) -> int:
    summary = registers_summary(load_norms(args.norms))
    _print(json_text(summary) if args.json else registers_text(summary))
    return EXIT_MET


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m calculator",
                     description="Puntencheck: voldoet je portfolio aan de norm van je register?")
    commands = parser.add_subparsers(dest="command", required=True, metavar="{check,registers}")
    check_cmd = commands.add_parser("check", help="controleer een portfolio (JSON of CSV)",
                                    description="Exitcode 0 = norm behaald, 1 = niet behaald, 2 = invoer geweigerd.")
    check_cmd.add_argument("file", metavar="FILE", help="portfolio: JSON of CSV (; of ,), of - voor standaardinvoer")
    check_cmd.add_argument("--today", metavar="JJJJ-MM-DD", help="datum van vandaag (standaard: de systeemdatum)")
    check_cmd.add_argument("--register", metavar="ID", help="CSV: het register (anders uit een regel register;ID)")
    check_cmd.add_argument("--start", metavar="JJJJ-MM-DD",
                           help="CSV: begin van je periode (anders uit een regel start;…)")
    check_cmd.add_argument("--option", metavar="ID", action="append", default=[],
                           help="CSV: zet een optie aan, bv. skj_registered (herhaalbaar)")
    check_cmd.add_argument("--ics", metavar="PATH", help="schrijf de belangrijke data als agendabestand (.ics)")
    check_cmd.add_argument("--site-url", metavar="URL",
                           help="adres van de gids, voor de link in het agendabestand (bv. https://intranet/registratiewijzer/)")
    check_cmd.set_defaults(run=_check)
    registers_cmd = commands.add_parser("registers", help="toon de registers en hun normen")
    registers_cmd.set_defaults(run=_registers)
    for command in (check_cmd, registers_cmd):
        command.add_argument("--json", action="store_true", help="uitvoer als JSON")
        command.add_argument("--norms", metavar="PATH",
                             help="norms.json in plaats van content/registers/*.yml (of de normen van het pakket)")
    return parser


def _read_text(name: str) -> str:
    """The file's text: UTF-8 (with or without BOM), else Windows-1252 as older Excel saves it."""
    if not name.strip():
        raise InputError("FILE", "geef een bestandsnaam, of - voor standaardinvoer")
    try:
        data = _read_bounded(sys.stdin.buffer) if name == "-" else _read_file(Path(name))
    except FileNotFoundError:
        raise InputError(name, "bestand niet gevonden") from None
    except IsADirectoryError:
        raise InputError(name, "dit is een map, geen bestand") from None
    except OSError as error:
        raise InputError(name, f"kan het bestand niet lezen ({error.strerror})") from None
    return decode(data, "standaardinvoer" if name == "-" else name)


def _read_file(path: Path) -> bytes:
    with path.open("rb") as stream:
        return _read_bounded(stream)


def _read_bounded(stream: Any) -> bytes:
    """At most one byte more than a file may have (so /dev/zero or a huge file cannot fill memory)."""
    return stream.read(MAX_BYTES + 1)


def _print(text: str) -> None:
    """Print to stdout; when the reader has gone (`… | head`), stop writing quietly, as Unix tools do."""
    try:
        print(text, flush=True)
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _write_text(name: str, text: str) -> None:
    try:
        Path(name).write_text(text, encoding="utf-8", newline="")
    except OSError as error:
        raise InputError(name, f"kan het bestand niet schrijven ({error.strerror})") from None


def _guide_url(site_url: str | None, page_id: str | None) -> str | None:
    """The guide page's address under `site_url` (its path from content/pages), or None."""
    if not site_url or not page_id:
        return None
    for path in sorted((CONTENT_DIR / "pages").glob("**/*.yml")):
        page = _read_yaml(path)
        if isinstance(page, dict) and page.get("id") == page_id:
            return f"{site_url.rstrip('/')}/{page_route(str(page['path']))}"
    return None


def load_norms(norms_path: str | None = None) -> Any:
    """The norms: `--norms norms.json` when given; in a checkout the repository's
    content/registers/*.yml (what an editor just changed); else the norms the installed package
    ships (`calculator/norms.json`, made from the same YAML when the wheel was built)."""
    if norms_path:
        return parse_json_text(_read_text(norms_path), norms_path)
    files = sorted(REGISTERS_DIR.glob("*.yml"))
    if files:
        return {"registers": {path.stem: _read_yaml(path) for path in files}}
    shipped = resources.files(__package__) / PACKAGED_NORMS
    if shipped.is_file():
        return parse_json_text(shipped.read_text(encoding="utf-8"), PACKAGED_NORMS)
    raise InputError("", "geen normen gevonden: dit is geen checkout van de gids en het pakket bevat geen "
                         f"{PACKAGED_NORMS}; geef --norms norms.json (uit de gids: assets/puntencheck/data/norms.json)")


def _read_yaml(path: Path) -> Any:
    """A content file through the build's own hardened reader (plain YAML only, dates as ISO text):
    what the build refuses, the CLI refuses with the same file:line and message."""
    try:
        from .plain_yaml import YamlRefused, read_plain_yaml  # needs pyyaml; the core stays stdlib-only
    except ModuleNotFoundError:
        raise InputError("", "pyyaml ontbreekt om content/registers te lezen: installeer het project "
                         "(pip install -e .) of geef --norms norms.json") from None
    shown = path.relative_to(CONTENT_DIR.parent)
    try:
        return read_plain_yaml(path, shown).data
    except YamlRefused as refused:
        where = f"{refused.where}: " if refused.where else ""
        raise InputError(str(shown), f"ongeldige YAML, de gids bouwt zo ook niet ({where}{refused.message})",
                         place=f"{shown}:{refused.line}") from None


def _utf8_output() -> None:
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8")


def _refuse(error: InputError, as_json: bool) -> int:
    """One Dutch line on stderr (control characters from the input escaped); with --json also the
    refusal as data on stdout: {"error": {path, message, text}}."""
    envelope = error.envelope()
    if as_json:
        _print(json_text({"error": envelope}))
    print(printable(envelope["text"]), file=sys.stderr)
    return EXIT_REFUSED
