"""Precision and recall of the flame detector on hand-written comment sets, and of its parts alone.

The sets (tests/data/comments*.tsv) were written for ficshelf: small and self-made, so the numbers say how
the detector behaves on the cases we thought of, not how it does on real comments. Prints a table:
rules alone, alt-profanity-check alone (probability >= 0.5, story vocabulary not masked), and the combined
``judge_comment``; then the CPU time per comment.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

from profanity_check import predict_prob

from ficshelf.community import flames

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"


def read_set(path: Path) -> list[tuple[bool, str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            label, text = line.split("\t", 1)
            rows.append((label == "flame", text))
    return rows


def rules_only(text: str) -> bool:
    return any(pattern.search(" ".join(text.split())) for _, pattern in flames._RULES)


def model_only(text: str) -> bool:
    return float(predict_prob([text])[0]) >= 0.5


def combined(text: str) -> bool:
    return flames.judge_comment(text).flame


def score(rows: list[tuple[bool, str]], judge: Callable[[str], bool]) -> tuple[float, float, int, int]:
    said = [(gold, judge(text)) for gold, text in rows]
    tp = sum(1 for gold, flag in said if gold and flag)
    fp = sum(1 for gold, flag in said if not gold and flag)
    fn = sum(1 for gold, flag in said if gold and not flag)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall, fp, fn


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("sets", nargs="*", type=Path, default=sorted(DATA.glob("comments*.tsv")))
    args = parser.parse_args()
    print("| set | flames/ok | method | precision | recall | false alarms | missed |")
    print("|---|---|---|---|---|---|---|")
    for path in args.sets:
        rows = read_set(path)
        counts = f"{sum(g for g, _ in rows)}/{sum(not g for g, _ in rows)}"
        for name, judge in (("rules", rules_only), ("model ≥ 0.5", model_only), ("combined", combined)):
            p, r, fp, fn = score(rows, judge)
            print(f"| {path.name} | {counts} | {name} | {p:.2f} | {r:.2f} | {fp} | {fn} |")
    texts = [text for path in args.sets for _, text in read_set(path)]
    flames.judge_comment("warm up")
    t0 = time.process_time()
    for text in texts:
        flames.judge_comment(text)
    per = (time.process_time() - t0) / len(texts) * 1000
    print(f"\n{len(texts)} comments, {per:.2f} ms CPU per comment (judge_comment, model loaded)")


if __name__ == "__main__":
    main()
