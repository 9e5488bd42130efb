"""Measure how much of a real corpus the database recognises.

``screener coverage FILE.csv [--column C]`` prints the share of declared
entries recognised by each match kind (exact, alias, common-name, family,
inventory-only, fuzzy, unknown) and the most frequent unknown entries.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ScreenError
from .normalise import fold_name
from .screen import Screener, get_screener
from .tabular import cell_to_text, detect_column, read_table, row_problems
from .vocabulary import MATCH_KINDS, RECOGNISED_KINDS

#: How each match kind is labelled in the printed shares.
KIND_LABELS: dict[str, str] = {
    "exact": "exact",
    "alias": "alias",
    "common": "common-name",
    "family": "family",
    "inventory": "inventory-only",
    "fuzzy": "fuzzy",
    "unknown": "unknown",
}


@dataclass
class Coverage:
    rows: int = 0
    rows_screened: int = 0
    rows_refused: int = 0
    entries: int = 0
    by_kind: Counter[str] = field(default_factory=Counter)
    unknown: Counter[str] = field(default_factory=Counter)
    guessed: Counter[str] = field(default_factory=Counter)
    refused: Counter[str] = field(default_factory=Counter)
    #: unknown entries whose printed form was reviewed and left unknown on purpose
    reviewed: int = 0
    #: entries read after a repair (a split name joined, a missing comma added)
    repaired_notes: int = 0
    seconds_per_list: list[float] = field(default_factory=list)

    @property
    def recognised_share(self) -> float:
        good = sum(self.by_kind[kind] for kind in RECOGNISED_KINDS)
        return good / self.entries if self.entries else 0.0

    @property
    def curated_share(self) -> float:
        """Recognised by the curated layer alone (exact, alias, common name)."""
        good = self.by_kind["exact"] + self.by_kind["alias"] + self.by_kind["common"]
        return good / self.entries if self.entries else 0.0


def measure(texts: list[object], screener: Screener | None = None) -> Coverage:
    screener = screener or get_screener()
    cov = Coverage()
    for value in texts:
        cov.rows += 1
        text = cell_to_text(value)
        start = time.perf_counter()
        try:
            report = screener.screen(text)
        except ScreenError as exc:
            cov.rows_refused += 1
            cov.refused[str(exc).split(".")[0]] += 1
            continue
        cov.seconds_per_list.append(time.perf_counter() - start)
        cov.rows_screened += 1
        cov.repaired_notes += sum(1 for n in report.notes if " read as " in n)
        for item in report.ingredients:
            cov.entries += 1
            cov.by_kind[item.match] += 1
            if item.match == "unknown":
                cov.unknown[item.text.casefold()] += 1
                cov.reviewed += fold_name(item.text) in screener.db.unrecognised
            elif item.match == "fuzzy":
                cov.guessed[f"{item.text.casefold()} → {item.inci}"] += 1
    return cov


def format_coverage(cov: Coverage, name: str, top: int = 30) -> str:
    lines = [f"Corpus: {name}"]
    lines.append(
        f"Rows: {cov.rows} ({cov.rows_screened} screened, {cov.rows_refused} refused as not a list)"
    )
    lines.append(f"Declared entries: {cov.entries}")
    lines.append(
        "Recognised (exact + alias + common-name + family + inventory-only, guesses not "
        f"counted): {cov.recognised_share:.2%}"
    )
    lines.append(
        f"Recognised by curated rows (exact + alias + common-name): {cov.curated_share:.2%}"
    )
    for kind in MATCH_KINDS:
        share = cov.by_kind[kind] / cov.entries if cov.entries else 0.0
        lines.append(f"  {KIND_LABELS[kind]:<14} {cov.by_kind[kind]:>7}  {share:6.2%}")
    if cov.by_kind["unknown"]:
        lines.append(
            f"  of the unknown, {cov.reviewed} were reviewed and left unknown on purpose "
            "(ingredients/rules/unrecognised.csv)"
        )
    if cov.repaired_notes:
        lines.append(
            f"Repairs: {cov.repaired_notes} (names split at a comma joined, missing commas added)"
        )
    if cov.seconds_per_list:
        lines.append(
            f"screen() median per list: {statistics.median(cov.seconds_per_list) * 1000:.3f} ms "
            f"(first call per name includes matching; later calls are cached)"
        )
    if cov.refused:
        lines.append("Refused rows, by reason:")
        for reason, count in cov.refused.most_common(5):
            lines.append(f"  {count:>5}  {reason}")
    lines.append(f"Top {top} unknown entries:")
    for text, count in cov.unknown.most_common(top):
        lines.append(f"  {count:>5}  {text}")
    if cov.guessed:
        lines.append("Top fuzzy guesses:")
        for text, count in cov.guessed.most_common(min(top, 15)):
            lines.append(f"  {count:>5}  {text}")
    return "\n".join(lines)


def run_coverage_cli(args: argparse.Namespace) -> int:
    df = read_table(args.input, encoding=args.encoding)
    column = detect_column(df.columns, args.column)
    misaligned = row_problems(df)  # rows the reader could not align: counted as refused
    cells = [v for label, v in zip(df.index, df[column], strict=True) if label not in misaligned]
    cov = measure(cells)
    if misaligned:
        cov.rows += len(misaligned)
        cov.rows_refused += len(misaligned)
        cov.refused["the row's field count differs from the header's"] += len(misaligned)
    print(format_coverage(cov, f"{Path(args.input).name} (column {column!r})", args.top))
    return 0
