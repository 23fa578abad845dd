"""Lexicons: frames of entries (words, globs, phrases), their file formats and validation."""

from .model import (
    ENTRY_TOKEN_PATTERN,
    FORMATS,
    KINDS,
    Entry,
    Lexicon,
    entry_tokens,
    glob_to_regex,
    read_lexicon,
)

__all__ = [
    "ENTRY_TOKEN_PATTERN",
    "FORMATS",
    "KINDS",
    "Entry",
    "Lexicon",
    "entry_tokens",
    "glob_to_regex",
    "read_lexicon",
]
