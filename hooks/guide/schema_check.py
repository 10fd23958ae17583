"""Validate parsed YAML against the JSON Schemas in content/schemas/."""
from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any
from collections.abc import Callable

from jsonschema import Draft202012Validator, ValidationError

from .errors import Problem
from .yaml_source import SourceFile


@cache
def validator_for(schema_path: Path) -> Draft202012Validator:
    """A validator for one schema file (format checks on)."""
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def schema_problems(source: SourceFile, schema_path: Path) -> list[Problem]:
    """Every schema violation of `source`, each with file:line and what was expected."""
    validator = validator_for(schema_path)
    problems = []
    for error in validator.iter_errors(source.data):
        where = (*error.absolute_path, *_unknown_key_path(error))
        problems.append(source.problem(where, _explain(error)))
    return problems


def _unknown_key_path(error: ValidationError) -> tuple[str, ...]:
    """For an unknown key, point at the key itself rather than at its mapping."""
    if error.validator != "additionalProperties" or not isinstance(error.instance, dict):
        return ()
    unknown = [key for key in error.instance if key not in error.schema.get("properties", {})]
    return (unknown[0],) if unknown else ()


def _explain(error: ValidationError) -> str:
    explain = _EXPLAIN.get(str(error.validator))
    return explain(error) if explain else error.message


def _type_name(value: Any) -> str:
    names = {dict: "a mapping", list: "a list", str: "text", bool: "true/false",
             int: "a whole number", float: "a number", type(None): "nothing (empty value)"}
    return names.get(type(value), type(value).__name__)


def _expected_type(error: ValidationError) -> str:
    wanted = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
    words = {"object": "a mapping (key: value)", "array": "a list (- item)", "string": "text",
             "integer": "a whole number", "number": "a number", "boolean": "true or false"}
    return " or ".join(words.get(w, w) for w in wanted)


def _unknown_keys(error: ValidationError) -> str:
    allowed = sorted(error.schema.get("properties", {}))
    unknown = sorted(set(error.instance) - set(allowed))
    return f"unknown key {', '.join(repr(k) for k in unknown)}; expected one of: {', '.join(allowed)}"


_EXPLAIN: dict[str, Callable[[ValidationError], str]] = {
    "required": lambda e: f"missing required key {e.message.split(' is a required')[0]}",
    "additionalProperties": _unknown_keys,
    "type": lambda e: f"expected {_expected_type(e)}, got {_type_name(e.instance)}",
    "minItems": lambda e: f"expected a list with at least {e.validator_value} item(s), got {len(e.instance)}",
    "minLength": lambda e: "expected text, got an empty string",
    "minProperties": lambda e: f"expected one of: {', '.join(sorted(e.schema.get('properties', {})))}",
    "maxProperties": lambda e: f"expected exactly one key, got {', '.join(sorted(e.instance))}",
    "enum": lambda e: f"expected one of {', '.join(map(str, e.validator_value))}, got {e.instance!r}",
    "pattern": lambda e: f"{e.instance!r} does not have the expected form ({e.validator_value})",
    "format": lambda e: f"{e.instance!r} is not a valid {e.validator_value}",
    "minimum": lambda e: f"expected at least {e.validator_value}, got {e.instance}",
    "maximum": lambda e: f"expected at most {e.validator_value}, got {e.instance}",
    "const": lambda e: f"expected {e.validator_value!r}, got {e.instance!r}",
}
