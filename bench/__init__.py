"""Benchmarks of framing: a synthetic corpus generator (``bench.synth``) and the runner (``bench.run``).

Run by hand with ``make bench`` (``python -m bench.run``); never part of ``make test``. See
``bench/README.md`` for what is measured and the last recorded results.
"""
