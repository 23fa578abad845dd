"""Transitional: the hyperscan engine moved to :mod:`framing.match._hyperscan`."""

# transitional alias for bench/run.py (task_floor); the lead renames at merge
from .match._hyperscan import database as _database
from .match._hyperscan import entry_pattern

__all__ = ["_database", "entry_pattern"]
