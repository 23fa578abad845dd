"""The voices stage: who speaks in each part of a text, and the voice of every hit.

A news text mixes the outlet's own words (the *narrative*) with the words it quotes. This
stage finds the parts and tells each hit which part it sits in::

    find_quotes(articles)        one row per quoted span: kind, speaker, cue
    voice_spans(articles)        quotes, scare quotes and reported speech as spans
    voice_spans_at(articles, rows, offsets)  only the spans that hold the given offsets
    add_voice(hits, articles)    the hits with ``voice``, ``speaker`` and ``negated``
    voice_token_totals(articles) tokens per article and voice (the per-voice denominators)

Modules: ``quotes`` (quotation marks and quoted spans; ``kinds``: quote or scare quote),
``speakers`` (attribution cues and their speakers; ``lookalikes``: cue words that are no
cues), ``anaphora`` (pronouns resolved to speakers; ``names``: persons' names and titles),
``reported`` (indirect speech), ``spans`` (the spans of each voice), ``negation`` (negation
cues and their scopes) and ``annotate`` (the stage on the hits table).
"""

from .annotate import add_voice, voice_token_totals
from .quotes import find_quotes
from .spans import voice_spans, voice_spans_at

__all__ = ["add_voice", "find_quotes", "voice_spans", "voice_spans_at", "voice_token_totals"]
