"""Avoid-list findings: a person's own list (patch-test results) decides.

A match is an ``avoid`` finding naming the line of the list that matched; the
list is read and checked by screener/kinds/avoid.py (names through aliases,
classes, families), its unknown lines are reported by the report.
"""

from __future__ import annotations

from typing import Any

from ..database import Database
from ..kinds import avoid_hits
from ..options import Options
from ..place import Placement
from .base import Judgement


def avoid_findings(placement: Placement, db: Database, options: Options) -> list[Judgement]:
    avoid = options.avoid
    if avoid is None or not avoid.entries:
        return []
    cfg: dict[str, Any] = db.severity.get("avoid_list", {})
    declared = [p.ingredient for p in placement.placed if not p.may_contain]
    findings = []
    for hit in avoid_hits(declared, avoid, db):
        why = f" ({hit.reason})" if hit.reason else ""
        via = "" if hit.via == "name" else f" (matched by {hit.via})"
        findings.append(
            Judgement(
                kind="avoid-list",
                severity=cfg.get("severity", "avoid"),
                ingredients=(hit.inci,),
                reason=(
                    f"{hit.inci} matches line {hit.line} of your avoid list, "
                    f"'{hit.text}'{via}{why}."
                ),
                advice="Your avoid list names it: choose a product without it.",
                sources=tuple(str(s) for s in cfg.get("sources", [])),
                rule=f"avoid-list:{hit.line}",
                evidence="your own list",
            )
        )
    return findings
