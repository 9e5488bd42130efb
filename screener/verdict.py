"""Stage 6, verdict: findings and recognition → the product's label.

Only findings of the deciding kinds ([verdict] kinds) above info decide; a list
with too little recognised cannot be called clean ("uncertain").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial, reduce
from operator import add, attrgetter
from typing import Any, Protocol

from .database import Database
from .judge import Judgement
from .judge.base import remembered
from .vocabulary import RECOGNISED_KINDS, SEVERITY_RANK, worst


#: Read-only by convention; not frozen because one is built per row of a batch
#: (a frozen dataclass's __init__ costs about four times as much).
@dataclass(slots=True)
class Decision:
    label: str
    worst: str | None
    counts: dict[str, int]
    by_kind: dict[str, int]
    #: canonical names named by a caution/avoid finding
    flagged: frozenset[str]
    confidence: float
    confidence_label: str
    recognised_share: float
    recognised: int
    declared: int
    unknown: int
    guessed: int
    #: the findings that decided the label (most severe first)
    deciding: tuple[Judgement, ...]


FINDING_KINDS = (
    "comedogenic",
    "occlusive",
    "conflict",
    "context",
    "allergen",
    "fungal-acne",
    "avoid-list",
)


_KIND, _CONFIDENCE = attrgetter("kind"), attrgetter("confidence")


class Matched(Protocol):
    @property
    def kind(self) -> str: ...
    @property
    def confidence(self) -> float: ...


@dataclass(frozen=True, slots=True)
class VerdictPolicy:
    """severity.toml [verdict], read once per database."""

    deciding_kinds: frozenset[str]
    avoid_label: str
    caution_label: str
    clean_label: str
    uncertain_label: str
    uncertain_below_share: float
    high_confidence: float
    medium_confidence: float


def _policy(db: Database) -> VerdictPolicy:
    cfg: dict[str, Any] = db.severity["verdict"]
    return VerdictPolicy(
        deciding_kinds=frozenset(cfg.get("kinds", [])),
        avoid_label=cfg["avoid_label"],
        caution_label=cfg["caution_label"],
        clean_label=cfg["clean_label"],
        uncertain_label=cfg.get("uncertain_label", cfg["clean_label"]),
        uncertain_below_share=float(cfg.get("uncertain_below_share", 0.0)),
        high_confidence=cfg["high_confidence"],
        medium_confidence=cfg["medium_confidence"],
    )


def _most_severe_first(finding: Judgement) -> int:
    return -SEVERITY_RANK[finding.severity]


def decide(
    findings: Sequence[Judgement],
    entries: Sequence[Matched],
    may_contain: Sequence[bool],
    db: Database,
) -> Decision:
    """``entries`` and ``may_contain``: one per printed entry, in order."""
    policy = remembered(db, "policies", "verdict", partial(_policy, db))
    deciding_kinds = policy.deciding_kinds
    counts = {"info": 0, "caution": 0, "avoid": 0}
    by_kind = dict.fromkeys(FINDING_KINDS, 0)
    flagged: set[str] = set()
    deciding: list[Judgement] = []
    for finding in findings:
        counts[finding.severity] += 1
        by_kind[finding.kind] = by_kind.get(finding.kind, 0) + 1
        if finding.severity != "info":
            flagged.update(finding.ingredients)
            if finding.kind in deciding_kinds:
                deciding.append(finding)
    top = worst([f.severity for f in deciding])
    kinds = list(map(_KIND, entries))
    unknown, guessed = kinds.count("unknown"), kinds.count("fuzzy")
    # Recognition is counted over the declared entries (all of them when every
    # entry is in a may-contain block).
    counted: Sequence[Matched] = entries
    if any(may_contain) and not all(may_contain):
        counted = [e for e, may in zip(entries, may_contain, strict=True) if not may]
        kinds = list(map(_KIND, counted))
    declared = len(counted)
    # Added left to right as a plain loop would (sum() compensates from Python
    # 3.12 on, which could move a rounded confidence across a label's line).
    confidence = reduce(add, map(_CONFIDENCE, counted), 0.0)
    recognised = sum(map(RECOGNISED_KINDS.__contains__, kinds))
    mean = round(confidence / declared, 3) if declared else 0.0
    share = round(recognised / declared, 3) if declared else 0.0
    if top is not None:
        label = policy.avoid_label if top == "avoid" else policy.caution_label
    elif share < policy.uncertain_below_share:
        label = policy.uncertain_label
    else:
        label = policy.clean_label
    conf_label = (
        "high"
        if mean >= policy.high_confidence
        else "medium"
        if mean >= policy.medium_confidence
        else "low"
    )
    deciding.sort(key=_most_severe_first)
    return Decision(
        label=label,
        worst=top,
        counts=counts,
        by_kind=by_kind,
        flagged=frozenset(flagged),
        confidence=mean,
        confidence_label=conf_label,
        recognised_share=share,
        recognised=recognised,
        declared=declared,
        unknown=unknown,
        guessed=guessed,
        deciding=tuple(deciding),
    )


def summary_line(decision: Decision) -> str:
    counts = decision.counts
    return (
        f"{decision.label.capitalize()}: {counts['avoid']} avoid, {counts['caution']} caution, "
        f"{counts['info']} info. {decision.recognised} of {decision.declared} ingredients recognised"
        + (f", {decision.guessed} guessed" if decision.guessed else "")
        + (f", {decision.unknown} unknown" if decision.unknown else "")
        + f" (confidence {decision.confidence_label})."
    )
