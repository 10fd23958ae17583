"""Read the norms dict (`{"registers": {id: register}}`) into Registers, and pick the norm that applies."""
from __future__ import annotations

from datetime import date
from typing import Any

from .errors import InputError, fail
from .fields import (REGISTER_ID, boolean, identifier, integer, iso_date, keyed, mapping, sequence,
                     text, unique)
from .model import Category, DocumentRule, Norm, NormVersion, Option, Register, Submission
from .rules import minima_within_total, parse_rule

CUSTOM = "custom"
UNITS = ("punten", "uren")
SOURCE_KINDS = ("document", "research")
# `checked`: the day an editor last checked the file against its sources (shown on the site, not used here)
_REGISTER_REQUIRED = ("checked", "id", "name", "body", "unit", "source", "guide_page", "categories", "submission",
                      "norms")
_REGISTER_OPTIONAL = ("options", "option_choice", "documents", "reminders")
# What choosing more than one option of a register means (the register file's `option_choice`):
#   one       at most one option may be chosen; a portfolio choosing more is refused
#   together  the chosen options apply together, in the order the register lists them; where more
#             than one gives a rule or a submission window, the one listed last applies
OPTION_CHOICES = ("one", "together")
DEFAULT_OPTION_CHOICE = "one"
_VERSION_REQUIRED = ("valid_from", "valid_from_assumed", "valid_from_note", "source", "years", "total", "categories")
_VERSION_OPTIONAL = ("source_kind", "groups", "options")


def register_table(norms: object) -> dict[str, Any]:
    """The `registers` object of the norms dict."""
    top = mapping(norms, "normen", ("registers",))
    table = keyed(top["registers"], "normen.registers", REGISTER_ID)
    if CUSTOM in table:
        fail(f"normen.registers.{CUSTOM}", "dit id is gereserveerd voor een eigen norm in het portfolio")
    return table


def load_register(norms: object, register_id: str, *, strict: bool = False) -> Register:
    """The validated register `register_id`; InputError when unknown or invalid.

    `strict` (the guide's build, for its own register files) also refuses what contradicts
    itself without being impossible: a minimum above the total.
    """
    table = register_table(norms)
    if register_id not in table:
        known = ", ".join([*sorted(table), CUSTOM])
        fail("register", f'onbekend register "{register_id}"; kies uit: {known}')
    try:
        return _register(table[register_id], register_id, strict)
    except InputError as error:
        raise InputError(error.path, error.message, f"Ongeldige normgegevens, {error.place}") from None


def load_all(norms: object) -> list[Register]:
    """Every register of the norms dict, validated, in id order."""
    return [load_register(norms, register_id) for register_id in sorted(register_table(norms))]


def custom_register(raw: object) -> Register:
    """A register made from the visitor's own `norm` object (years, total, categories)."""
    fields = mapping(raw, "norm", ("years", "total", "categories"))
    names = keyed(fields["categories"], "norm.categories")
    if not names:
        fail("norm.categories", "verwacht minstens één categorie")
    categories = tuple(Category(key, key.replace("_", " ").capitalize()) for key in names)
    rule = parse_rule({key: fields[key] for key in ("total", "categories")}, "norm", categories)
    version = NormVersion(None, False, "", None, False, integer(fields["years"], "norm.years", 1, 20), rule, {})
    return Register(CUSTOM, "Eigen norm", "punten", categories, (version,), custom=True)


def resolve(register: Register, period_start: date, chosen: set[str]) -> Norm:
    """The latest version valid on `period_start` (else the earliest), with chosen options applied."""
    valid = [v for v in register.versions if v.valid_from is None or v.valid_from <= period_start]
    version = valid[-1] if valid else register.versions[0]
    applied = tuple(option for option in register.options if option.id in chosen)
    rule = version.rule
    for option in applied:
        rule = version.options.get(option.id, rule)
    return Norm(version.years, rule, version.valid_from, version.valid_from_assumed, version.source,
                version.research, applied, older_than_guide=not valid)


def _register(raw: object, register_id: str, strict: bool = False) -> Register:
    where = f"registers.{register_id}"
    fields = mapping(raw, where, _REGISTER_REQUIRED, _REGISTER_OPTIONAL)
    if fields["id"] != register_id:
        fail(f"{where}.id", f'verwacht "{register_id}" (gelijk aan de bestandsnaam), gekregen "{fields["id"]}"')
    iso_date(fields["checked"], f"{where}.checked")
    if fields["unit"] not in UNITS:
        fail(f"{where}.unit", f"verwacht een van: {', '.join(UNITS)}")
    categories = _categories(fields["categories"], f"{where}.categories")
    options = _options(fields.get("options", []), f"{where}.options")
    raw_versions = sequence(fields["norms"], f"{where}.norms", 1)
    versions = [_version(item, f"{where}.norms[{i}]", categories, options, strict) for i, item in enumerate(raw_versions)]
    versions.sort(key=lambda version: version.valid_from or date.min)
    unique([str(version.valid_from) for version in versions], f"{where}.norms", "valid_from")
    return Register(
        id=register_id, name=text(fields["name"], f"{where}.name"), unit=fields["unit"],
        categories=categories, versions=tuple(versions),
        body=identifier(fields["body"], f"{where}.body", REGISTER_ID),
        source=identifier(fields["source"], f"{where}.source", REGISTER_ID),
        guide_page=identifier(fields["guide_page"], f"{where}.guide_page", REGISTER_ID),
        options=options, option_choice=_option_choice(fields.get("option_choice", DEFAULT_OPTION_CHOICE), where),
        submission=_submission(fields["submission"], f"{where}.submission"),
        documents=_documents(fields.get("documents", []), f"{where}.documents"),
        reminders=_reminders(fields.get("reminders", []), f"{where}.reminders"),
    )


def _categories(raw: object, where: str) -> tuple[Category, ...]:
    """The register's categories: `{id, label, help}` and optionally `plan`, with unique ids."""
    items = []
    for index, item in enumerate(sequence(raw, where, 1)):
        place = f"{where}[{index}]"
        fields = mapping(item, place, ("id", "label", "help"), ("plan",))
        items.append(Category(identifier(fields["id"], f"{place}.id"), text(fields["label"], f"{place}.label"),
                              text(fields["help"], f"{place}.help"), _plan(fields.get("plan"), f"{place}.plan")))
    unique([item.id for item in items], where)
    return tuple(items)


def _option_choice(value: object, where: str) -> str:
    if value not in OPTION_CHOICES:
        fail(f"{where}.option_choice", f"verwacht een van: {', '.join(OPTION_CHOICES)}")
    return str(value)


def _options(raw: object, where: str) -> tuple[Option, ...]:
    """The register's options: `{id, label, help}`, optionally a `submission` rule and an `advice` text."""
    options = []
    for index, item in enumerate(sequence(raw, where)):
        place = f"{where}[{index}]"
        fields = mapping(item, place, ("id", "label", "help"), ("submission", "advice"))
        submission = _submission(fields["submission"], f"{place}.submission") if "submission" in fields else None
        options.append(Option(identifier(fields["id"], f"{place}.id"), text(fields["label"], f"{place}.label"),
                              text(fields["help"], f"{place}.help"), submission,
                              text(fields["advice"], f"{place}.advice") if "advice" in fields else ""))
    unique([option.id for option in options], where)
    return tuple(options)


def _plan(raw: object, where: str) -> str:
    """A category's `plan: {text, source}` as its text ("" when absent)."""
    if raw is None:
        return ""
    fields = mapping(raw, where, ("text", "source"))
    identifier(fields["source"], f"{where}.source", REGISTER_ID)
    return text(fields["text"], f"{where}.text")


def _version(raw: object, where: str, categories: tuple[Category, ...],
             options: tuple[Option, ...], strict: bool) -> NormVersion:
    fields = mapping(raw, where, _VERSION_REQUIRED, _VERSION_OPTIONAL)
    kind = fields.get("source_kind", "document")
    if kind not in SOURCE_KINDS:
        fail(f"{where}.source_kind", f"verwacht een van: {', '.join(SOURCE_KINDS)}")
    rule = parse_rule({key: fields[key] for key in ("total", "categories", "groups") if key in fields},
                      where, categories)
    # An option that only changes the submission rule needs no numbers; any other one does.
    given = mapping(fields.get("options", {}), f"{where}.options",
                    [option.id for option in options if option.submission is None],
                    [option.id for option in options if option.submission is not None])
    option_rules = {key: parse_rule(value, f"{where}.options.{key}", categories, rule) for key, value in given.items()}
    if strict:
        for place, checked in [(where, rule), *((f"{where}.options.{key}", r) for key, r in option_rules.items())]:
            minima_within_total(checked, place)
    return NormVersion(
        valid_from=iso_date(fields["valid_from"], f"{where}.valid_from"),
        valid_from_assumed=boolean(fields["valid_from_assumed"], f"{where}.valid_from_assumed"),
        valid_from_note=text(fields["valid_from_note"], f"{where}.valid_from_note"),
        source=identifier(fields["source"], f"{where}.source", REGISTER_ID),
        research=kind == "research",
        years=integer(fields["years"], f"{where}.years", 1, 20),
        rule=rule,
        options=option_rules,
    )


def _submission(raw: object, where: str) -> Submission:
    fields = mapping(raw, where, ("earliest", "latest", "source"), ("label",))
    earliest = mapping(fields["earliest"], f"{where}.earliest", (), ("months_before_end", "when_norm_met"))
    if len(earliest) != 1:
        fail(f"{where}.earliest", "verwacht precies één van: months_before_end, when_norm_met")
    if "when_norm_met" in earliest and not boolean(earliest["when_norm_met"], f"{where}.earliest.when_norm_met"):
        fail(f"{where}.earliest.when_norm_met", "verwacht true (of gebruik months_before_end)")
    months = earliest.get("months_before_end")
    latest = mapping(fields["latest"], f"{where}.latest", ("days_before_end",))
    return Submission(
        months_before_end=None if months is None else integer(months, f"{where}.earliest.months_before_end", 0, 120),
        days_before_end=integer(latest["days_before_end"], f"{where}.latest.days_before_end", 0, 366),
        label=text(fields.get("label", "herregistratie"), f"{where}.label"),
        source=identifier(fields["source"], f"{where}.source", REGISTER_ID),
    )


def _documents(raw: object, where: str) -> tuple[DocumentRule, ...]:
    documents = []
    for index, item in enumerate(sequence(raw, where)):
        place = f"{where}[{index}]"
        fields = mapping(item, place, ("id", "label", "max_age_months", "source"))
        documents.append(DocumentRule(identifier(fields["id"], f"{place}.id"), text(fields["label"], f"{place}.label"),
                                      integer(fields["max_age_months"], f"{place}.max_age_months", 1, 120),
                                      identifier(fields["source"], f"{place}.source", REGISTER_ID)))
    unique([document.id for document in documents], where)
    return tuple(documents)


def _reminders(raw: object, where: str) -> tuple[str, ...]:
    reminders = []
    for index, item in enumerate(sequence(raw, where)):
        fields = mapping(item, f"{where}[{index}]", ("text", "source"))
        identifier(fields["source"], f"{where}[{index}].source", REGISTER_ID)
        reminders.append(text(fields["text"], f"{where}[{index}].text"))
    return tuple(reminders)
