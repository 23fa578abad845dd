"""Cleaning against hand-labelled layouts of many outlets (python -m bench.layouts.score)."""
