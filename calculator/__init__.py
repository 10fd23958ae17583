"""Puntencheck: does a portfolio meet a register's herregistratie norm, and what is missing?

Standard library only, no I/O: the same code runs in CPython (tests, CLI) and Pyodide.
"""
from __future__ import annotations

from .api import check, check_json, registers_summary
from .errors import InputError

__all__ = ["InputError", "check", "check_json", "registers_summary"]
