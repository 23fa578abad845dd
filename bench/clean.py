"""The cleaning rows alone: ``clean_articles`` and the README's default path on the news.

Run from the repository root::

    python -m bench.clean                 # the real corpora in ../shared/data/news
    python -m bench.clean --repeat 5

Each row is measured as in :mod:`bench.run` (a fresh process per run, the median of
``--repeat`` runs): ``clean_articles`` alone (read left out), then the default path
(``read_articles`` -> ``clean_articles`` -> ``find_hits`` with its defaults ->
``count_by_period``), whose parts are printed in wall and CPU seconds. The digest of what
``clean_articles`` gave is printed, so that two runs (before and after a change) can be
checked to agree.
"""

from __future__ import annotations

import argparse
import os
import sys

from bench.run import _HEADER, NEWS, REAL_CORPORA, Runner, describe, machine


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.clean", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--repeat", type=int, default=3, help="runs per row (default 3)")
    args = parser.parse_args(argv)
    info = machine()
    print(f"code: {info['git']}; load average {', '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"command: python -m bench.clean {' '.join(argv if argv is not None else sys.argv[1:])}")
    print(_HEADER)
    print("-" * len(_HEADER))
    runner = Runner(args)
    parts = []
    for name, file in REAL_CORPORA.items():
        if not (NEWS / file).exists():
            runner.note(f"{NEWS / file} is absent: {name} skipped")
            continue
        corpus = describe(name, NEWS / file)
        clean = runner.run("clean_articles (read left out)", corpus, {"task": "clean"})
        path = runner.run("framing, the README's default path", corpus,
                          {"task": "default_path", "layout": "frames"})  # fmt: skip
        if "digest" in clean:
            parts.append(f"{name}: clean_articles CPU s of the runs "
                         f"{', '.join(f'{c:.2f}' for c in clean['cpu_runs'])}; "
                         f"digest {clean['digest'][:16]}")  # fmt: skip
        if "parts" in path:
            wall = ", ".join(f"{k} {v:.2f}" for k, v in path["parts"].items())
            cpu = ", ".join(f"{k} {v:.2f}" for k, v in path.get("parts_cpu", {}).items())
            parts.append(f"{name}: default path parts, wall s: {wall}; CPU s: {cpu}")
    for line in parts:
        print(line)
    print(f"load average now {', '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
