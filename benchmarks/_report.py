"""How a benchmark script hands its headline figures to ``benchmarks/run_all.py`` (``make bench``).

The runner sets ``FICSHELF_BENCH_REPORT`` to a file; each ``report`` call appends one JSON line to it (benchmark,
measure, value, unit). Run on its own, a script has no such variable and ``report`` does nothing: its printed
tables stay as they were.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping, Sequence

ENV = "FICSHELF_BENCH_REPORT"


def report(benchmark: str, measure: str, value: float | int | str, unit: str = "") -> None:
    """Record one headline figure for the combined table (when the runner asked for them)."""
    path = os.environ.get(ENV)
    if not path:
        return
    if isinstance(value, float):
        value = round(value, 3)
    line = {"benchmark": benchmark, "measure": measure, "value": value, "unit": unit}
    with open(path, "a", encoding="utf-8") as stream:
        stream.write(json.dumps(line, ensure_ascii=False) + "\n")


def report_rows(benchmark: str, rows: Sequence[Mapping[str, str]], label: str, columns: Sequence[str]) -> None:
    """Record ``columns`` of each printed table row, named by the row's ``label`` column and the column's name."""
    for row in rows:
        for column in columns:
            if column in row:
                report(benchmark, f"{row.get(label, '')} {column}".strip(), row[column])
