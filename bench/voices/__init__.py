"""The voices evaluation set: hand-labelled passages and their scorer (``bench.voices.score``)."""
