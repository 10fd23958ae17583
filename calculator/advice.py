"""Plain-Dutch advice: what the outcome means and what is still missing."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from .dates import dutch_date
from .deadlines import DocumentCheck, KeyDates
from .model import Portfolio
from .numbers import dutch_number
from .verdict import CategoryResult, Exclusion, Outcome

UNIT_WORDS = {"punten": ("punt", "punten"), "uren": ("uur", "uur")}


@dataclass(frozen=True)
class Context:
    """What every message may draw on."""

    portfolio: Portfolio
    outcome: Outcome
    dates: KeyDates
    documents: tuple[DocumentCheck, ...]
    today: date

    def amount(self, value: Decimal) -> str:
        """`10 punten`, `1 punt`, `7,5 uur`."""
        one, many = UNIT_WORDS[self.portfolio.register.unit]
        return f"{dutch_number(value)} {one if value == 1 else many}"

    @property
    def unit(self) -> str:
        """The unit as a plain noun: `punten`, `uren`."""
        return self.portfolio.register.unit


def messages(context: Context) -> list[str]:
    """All advice, in reading order."""
    return [message for build in _BUILDERS for message in build(context)]


def exclusion_reason(exclusion: Exclusion, portfolio: Portfolio) -> str:
    """Why one activity does not count."""
    day = dutch_date(exclusion.activity.date)
    if exclusion.before:
        return (f"De datum {day} ligt vóór het begin van je periode ({dutch_date(portfolio.period_start)}); "
                "activiteiten van vóór de periode tellen niet mee.")
    return (f"De datum {day} ligt na het einde van je periode ({dutch_date(portfolio.period_end)}); "
            "activiteiten van na de periode tellen niet mee.")


def in_sentence(label: str) -> str:
    """A label inside a sentence: `Reflectie` → `reflectie`, `VOG NP` stays."""
    return label[:1].lower() + label[1:] if label[1:2].islower() else label


def join_words(words: list[str]) -> str:
    """`a`, `a en b`, `a, b en c`."""
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} en {words[-1]}"


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


def _label(item: CategoryResult) -> str:
    return in_sentence(item.limit.category.label)


def _result(context: Context) -> Iterable[str]:
    outcome = context.outcome
    if not outcome.passed:
        return ["Je voldoet nog niet aan de norm."]
    required = context.portfolio.norm.rule.total
    return [f"Je voldoet aan de norm: je hebt {context.amount(outcome.total_points)} "
            f"(nodig: {dutch_number(required)}) en haalt elk minimum."]


def _norm_notes(context: Context) -> Iterable[str]:
    norm, portfolio = context.portfolio.norm, context.portfolio
    for option in norm.options_applied:
        yield (f"Gerekend met de keuze ‘{option.label}’." if option.submission
               else f"Gerekend met de norm bij de keuze ‘{option.label}’.")
        if option.advice:
            yield option.advice
    if norm.older_than_guide and norm.valid_from:
        yield _older_than_guide(norm.valid_from, norm.valid_from_assumed, portfolio.period_start)
    if norm.research:
        yield (f"Deze norm komt niet uit de brondocumenten van deze gids (bron: {norm.source}); "
               "controleer hem bij het register.")
    if portfolio.register.custom:
        yield ("Je rekent met je eigen norm; deze gids heeft die niet gecontroleerd. "
               "Neem de getallen over uit het reglement van je register.")


def _older_than_guide(since_day: date, assumed: bool, start: date) -> str:
    """The period starts before the oldest norm of the guide; say whether that date is known or assumed."""
    since, begins = dutch_date(since_day), dutch_date(start)
    if assumed:
        return (f"Je periode begint op {begins}. Sinds wanneer deze norm geldt, staat niet in de bronnen; "
                f"de gids neemt {since} aan en rekent met deze norm. "
                "Controleer bij het register welke norm voor jouw periode gold.")
    return (f"Je periode begint op {begins}, vóór de oudste norm in deze gids (geldig vanaf {since}). "
            f"De gids bevat de oudere norm niet; de check gebruikt die van {since}. "
            "Controleer bij het register welke norm voor jouw periode gold.")


def _not_counting(context: Context, names: list[str]) -> str:
    return f"; {context.unit} voor {join_words(names)} tellen daarvoor niet mee." if names else "."


def _category_shortfalls(context: Context) -> Iterable[str]:
    results = context.outcome.categories
    for item in results:
        if item.shortfall:
            surplus = [_label(other) for other in results if other is not item and other.points > other.limit.min]
            yield f"Je mist nog {context.amount(item.shortfall)} {_label(item)}" + _not_counting(context, surplus)


def _group_shortfalls(context: Context) -> Iterable[str]:
    for group in context.outcome.groups:
        if group.shortfall:
            inside = {item.limit.category.id: item.limit.category.id in group.rule.categories
                      for item in context.outcome.categories}
            members = [_label(item) for item in context.outcome.categories if inside[item.limit.category.id]]
            others = [_label(item) for item in context.outcome.categories
                      if not inside[item.limit.category.id] and item.points]
            yield (f"Je mist nog {context.amount(group.shortfall)} {in_sentence(group.rule.label)} "
                   f"({join_words(members)} samen minimaal {dutch_number(group.rule.min)})" + _not_counting(context, others))


def _total_shortfall(context: Context) -> Iterable[str]:
    outcome = context.outcome
    if not outcome.total_shortfall:
        return
    minima_short = not outcome.minima_met
    yield (f"Je mist in totaal nog {context.amount(outcome.total_shortfall)}: je hebt er "
           f"{dutch_number(outcome.total_points)} van de {dutch_number(context.portfolio.norm.rule.total)}."
           + (" Wat je voor de minima nog haalt, telt ook mee voor het totaal." if minima_short else ""))


def _maxima(context: Context) -> Iterable[str]:
    for item in context.outcome.categories:
        if item.capped:
            yield (f"Van je {context.amount(item.points)} {_label(item)} tellen er {dutch_number(item.counted)} mee "
                   f"(maximum {dutch_number(item.limit.max or 0)}).")


def _activities(context: Context) -> Iterable[str]:
    portfolio, excluded, future = context.portfolio, context.outcome.excluded, context.outcome.future
    if excluded:
        verb = "telt" if len(excluded) == 1 else "tellen"
        yield (f"{_count(len(excluded), 'activiteit', 'activiteiten')} {verb} niet mee: de datum valt buiten je "
               f"periode ({dutch_date(portfolio.period_start)} tot en met {dutch_date(portfolio.period_end)}).")
    if future:
        verb = "ligt" if future == 1 else "liggen"
        yield (f"{_count(future, 'activiteit', 'activiteiten')} in je periode {verb} na vandaag "
               f"({dutch_date(context.today)}); de check telt ze mee alsof je ze al gedaan hebt.")


def _dates(context: Context) -> Iterable[str]:
    portfolio, dates = context.portfolio, context.dates
    yield f"Je periode loopt van {dutch_date(portfolio.period_start)} tot en met {dutch_date(dates.period_end)}."
    submission = portfolio.norm.submission_override or portfolio.register.submission
    if submission is None or dates.latest is None:
        yield "Wanneer je kunt indienen, staat in het reglement van je register."
        return
    latest = dutch_date(dates.latest)
    if dates.earliest is None:
        now = f" Je hebt alle {context.unit}, dus dat kan nu al." if context.outcome.passed else ""
        yield f"Je kunt je {submission.label} indienen zodra je alle {context.unit} hebt, uiterlijk op {latest}.{now}"
    else:
        yield f"Je kunt je {submission.label} indienen van {dutch_date(dates.earliest)} tot en met {latest}."
    who = f"{'Je indiendatum' if dates.reference_given else 'Vandaag'} ({dutch_date(dates.reference)})"
    if dates.earliest and dates.reference < dates.earliest:
        yield f"{who} is te vroeg om in te dienen: dat kan vanaf {dutch_date(dates.earliest)}."
    if dates.reference > dates.latest:
        yield f"Let op: {who} ligt na de uiterste datum om in te dienen ({latest})."


def _documents(context: Context) -> Iterable[str]:
    for check in context.documents:
        label, day, on = check.rule.label, dutch_date(check.issued), dutch_date(check.reference)
        age = _count(check.rule.max_age_months, "maand", "maanden")
        if check.too_new:
            yield f"De datum van je {label} ({day}) ligt na {on}; controleer de datum."
        elif check.ok:
            yield (f"Je {label} van {day} is op {on} recent genoeg (niet ouder dan {age}; "
                   f"bruikbaar tot en met {dutch_date(check.valid_until)}).")
        else:
            yield (f"Je {label} van {day} is op {on} ouder dan {age}: vraag een nieuwe aan "
                   f"(deze was bruikbaar tot en met {dutch_date(check.valid_until)}).")


def _reminders(context: Context) -> Iterable[str]:
    return context.portfolio.register.reminders


_BUILDERS: tuple[Callable[[Context], Iterable[str]], ...] = (
    _result, _norm_notes, _category_shortfalls, _group_shortfalls, _total_shortfall, _maxima,
    _activities, _dates, _documents, _reminders,
)
