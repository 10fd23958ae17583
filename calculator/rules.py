"""Validate the numbers of a norm (total, category limits, groups) into a Rule."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal
from typing import Any

from .errors import fail
from .fields import identifier, keyed, mapping, number, optional_number, sequence, text, unique
from .model import Category, CategoryRule, GroupRule, Rule
from .numbers import ZERO, dutch_number

RULE_KEYS = ("total", "categories", "groups")


def parse_rule(raw: object, where: str, categories: tuple[Category, ...],
               base: Rule | None = None) -> Rule:
    """A Rule from `{total, categories, groups?}`; with `base`, the given keys replace its parts."""
    required = () if base else RULE_KEYS[:2]
    fields = mapping(raw, where, required, [key for key in RULE_KEYS if key not in required])
    if base is not None and not fields:
        fail(where, f"verwacht minstens één van: {', '.join(RULE_KEYS)}")
    changes = {key: _PARTS[key](value, f"{where}.{key}", categories) for key, value in fields.items()}
    rule = replace(base or Rule(ZERO, ()), **changes)
    _check_reachable(rule, where)
    return rule


def _limits(raw: object, where: str, categories: tuple[Category, ...]) -> tuple[CategoryRule, ...]:
    """Per-category `{min, max}`: every category of the register, no other."""
    given = keyed(raw, where)
    known = [category.id for category in categories]
    for key in given:
        if key not in known:
            fail(f"{where}.{key}", f"onbekende categorie; verwacht een van: {', '.join(known)}")
    rules = []
    for category in categories:
        if category.id not in given:
            fail(where, f'categorie "{category.id}" ontbreekt (gebruik {{}} voor geen minimum)')
        place = f"{where}.{category.id}"
        limit = mapping(given[category.id], place, (), ("min", "max"))
        low = optional_number(limit.get("min"), f"{place}.min") or ZERO
        high = optional_number(limit.get("max"), f"{place}.max")
        if high is not None and low > high:
            fail(place, f"minimum {dutch_number(low)} is groter dan maximum {dutch_number(high)}")
        rules.append(CategoryRule(category, low, high))
    return tuple(rules)


def _groups(raw: object, where: str, categories: tuple[Category, ...]) -> tuple[GroupRule, ...]:
    """Groups of categories with a common minimum."""
    known = {category.id for category in categories}
    groups = []
    for index, item in enumerate(sequence(raw, where)):
        place = f"{where}[{index}]"
        group: dict[str, Any] = mapping(item, place, ("id", "label", "categories", "min"))
        members = sequence(group["categories"], f"{place}.categories", 1)
        for member in members:
            if identifier(member, f"{place}.categories") not in known:
                fail(f"{place}.categories",
                     f'onbekende categorie "{member}"; verwacht een van: {", ".join(sorted(known))}')
        unique(members, f"{place}.categories")
        groups.append(GroupRule(identifier(group["id"], f"{place}.id"), text(group["label"], f"{place}.label"),
                                tuple(members), number(group["min"], f"{place}.min")))
    unique([group.id for group in groups], where)
    return tuple(groups)


def minima_within_total(rule: Rule, where: str) -> None:
    """Refuse a norm that contradicts itself: a category or group minimum above the total (the
    guide's own norms must not; a visitor's own norm or `--norms` file may, it can still be met)."""
    for limit in rule.categories:
        if limit.min > rule.total:
            fail(f"{where}.categories.{limit.category.id}",
                 f"minimum {dutch_number(limit.min)} is groter dan het totaal {dutch_number(rule.total)}")
    for index, group in enumerate(rule.groups):
        if group.min > rule.total:
            fail(f"{where}.groups[{index}].min",
                 f"minimum {dutch_number(group.min)} is groter dan het totaal {dutch_number(rule.total)}")


def _check_reachable(rule: Rule, where: str) -> None:
    """Refuse a norm nobody can meet: maxima that add up to less than a required amount."""
    caps = {limit.category.id: limit.max for limit in rule.categories}
    needs = [("het totaal", rule.total, list(caps))]
    needs += [(f'groep "{group.id}"', group.min, list(group.categories)) for group in rule.groups]
    for name, required, members in needs:
        reachable = _sum_caps([caps[member] for member in members])
        if reachable is not None and reachable < required:
            fail(where, f"{name} vraagt {dutch_number(required)}, maar de maxima laten hoogstens "
                        f"{dutch_number(reachable)} meetellen")


def _sum_caps(caps: list[Decimal | None]) -> Decimal | None:
    """The sum of maxima, or None when any category is uncapped."""
    if any(cap is None for cap in caps):
        return None
    return sum((cap for cap in caps if cap is not None), ZERO)


_PARTS: dict[str, Callable[[object, str, tuple[Category, ...]], Any]] = {
    "total": lambda raw, where, _categories: number(raw, where),
    "categories": _limits,
    "groups": _groups,
}
