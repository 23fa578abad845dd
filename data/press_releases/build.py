"""Remake the bundled press-release counts from the CSV of ../shared/data/news.

Usage, from the project folder::

    python data/press_releases/build.py ../shared/data/news/press_releases_kremlin_president_ua_2021-10_2022-06.csv

Writes releases.csv, hit_counts.csv and provenance.json beside this script, byte for byte the
same on every run (tests/test_press_releases.py checks that the committed files are).
"""

import sys
from pathlib import Path

from framing.datasets import PRESS_RELEASES_SOURCE, write_press_release_tables

if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(f"usage: python {sys.argv[0]} path/to/{PRESS_RELEASES_SOURCE}")
    for path in write_press_release_tables(sys.argv[1], Path(__file__).resolve().parent):
        print(path)
