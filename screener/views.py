"""Two views of one pipeline result: the full report and the lean batch row."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from pydantic import TypeAdapter

from .alternatives import alternatives_for
from .database import Database
from .judge import Judgement
from .models import Finding, IngredientResult, ProductReport, RatingSource, Verdict
from .normalise import fold_name
from .pipeline import Entry, Result
from .verdict import Decision, summary_line
from .vocabulary import SEVERITY_RANK

CAVEATS = [
    "Comedogenic ratings (0-5) come from rabbit-ear tests of mostly undiluted raw materials; "
    "the rabbit ear is more sensitive than human skin, and concentration and vehicle change "
    "the result.",
    "A finished product that contains a comedogenic ingredient is not necessarily comedogenic "
    "(Draelos & DiNardo 2006); position in the list is only a proxy for concentration.",
    "'Non-comedogenic' on a label is not a regulated claim.",
    "The link between heavy occlusives and milia rests on clinical observation, not trials. "
    "See a professional for milia en plaque, clusters appearing over weeks, milia on the "
    "eyelids or in newborns; never extract milia at home.",
]


def finding_model(judgement: Judgement) -> Finding:
    return Finding(
        kind=judgement.kind,
        severity=judgement.severity,
        ingredients=list(judgement.ingredients),
        reason=judgement.why(),
        advice=judgement.advice,
        sources=list(judgement.sources),
        rule=judgement.rule,
        context=judgement.context,
        products=list(judgement.products),
        evidence=judgement.evidence,
    )


def worst_flags(findings: list[Judgement]) -> dict[str, str]:
    """Each named ingredient's worst severity."""
    flags: dict[str, str] = {}
    for finding in findings:
        for inci in finding.ingredients:
            current = flags.get(inci)
            if current is None or SEVERITY_RANK[finding.severity] > SEVERITY_RANK[current]:
                flags[inci] = finding.severity
    return flags


#: Validates a report's entries in one call (one model per entry costs a
#: Python-level __init__ each; a 40-entry list validates ~1.5x faster this way).
_INGREDIENT_LIST = TypeAdapter(list[IngredientResult])


def ingredient_results(
    entries: list[Entry], may_contain: list[bool], flags: dict[str, str]
) -> list[IngredientResult]:
    """One IngredientResult per printed entry, in order (1-based positions)."""
    rows = []
    for position, (entry, may) in enumerate(zip(entries, may_contain, strict=True), start=1):
        inci = entry.inci
        row = dict(_entry_fields(entry))
        row["position"] = position
        row["may_contain"] = may
        row["flag"] = flags.get(inci) if inci else None
        rows.append(row)
    return _INGREDIENT_LIST.validate_python(rows)


#: id(entry) -> (entry, the report fields that depend on the entry alone). The
#: entry is kept so its id cannot be reused while remembered; values are
#: immutable (tuples, and frozen RatingSource models), so no two reports share
#: anything mutable.
_ENTRY_FIELDS: dict[int, tuple[Entry, dict[str, Any]]] = {}
#: Only reports use it (a batch never does): a few thousand products' entries
#: are plenty, and the entries it keeps alive stay a few megabytes.
_ENTRY_FIELDS_MAX = 20_000


def _entry_fields(entry: Entry) -> dict[str, Any]:
    found = _ENTRY_FIELDS.get(id(entry))
    if found is not None and found[0] is entry:
        return found[1]
    if len(_ENTRY_FIELDS) > _ENTRY_FIELDS_MAX:
        _ENTRY_FIELDS.clear()
    match = entry.match
    ing = match.ingredient
    rating = ing.comedogenic if ing else None
    fields: dict[str, Any] = {
        "text": entry.text,
        "inci": match.inci,
        "match": match.kind,
        "confidence": match.confidence,
        "annotations": tuple(entry.annotations),
        "family": match.family,
        "functions": tuple(ing.functions) if ing else (),
        "comedogenic": rating.used if rating else None,
        "comedogenic_unconfirmed": bool(rating and rating.unconfirmed),
        "comedogenic_sources": tuple(
            RatingSource(value=v.value, source=v.source, quality=v.quality, note=v.note)
            for v in (rating.values if rating else ())
        ),
        "irritancy": ing.irritancy.used if ing and ing.irritancy else None,
        "occlusive": ing.occlusive if ing else None,
        "active_classes": tuple(sorted(ing.classes)) if ing else (),
    }
    _ENTRY_FIELDS[id(entry)] = (entry, fields)
    return fields


def report_notes(result: Result, db: Database) -> list[str]:
    """The parser's and repair's notes, then what the report itself should say."""
    notes = list(result.notes)
    for entry in result.entries:
        if entry.match.reason:
            notes.append(
                f"'{entry.text}': {entry.match.reason}; shown as a guess, {entry.match.inci}."
            )
    placement = result.placement
    if placement.alphabetical == "vehicle":
        notes.append(
            "The inactive ingredients are this drug's vehicle (excipient) list, which "
            "prescription labels and EU product information print in no stated order, so "
            "their positions say nothing about amounts: each is judged as of unknown amount "
            "(a reason for care at most, never top-five or trace) unless a percentage is printed."
        )
    elif placement.alphabetical is not None:
        notes.append(
            "The "
            + (
                "inactive ingredients of this Drug Facts panel are"
                if placement.alphabetical == "drug-facts"
                else "ingredients are"
            )
            + " in alphabetical order (21 CFR 201.66(c)(8) for drug-only products), so their "
            "positions say nothing about amounts: each is judged as of unknown amount (a "
            "reason for care at most, never top-five or trace) unless a percentage is printed."
        )
    if placement.line is not None and placement.line_from_sorted_run:
        notes.append(
            f"From position {placement.line} the ingredients are in alphabetical order, as "
            "labels may list those at or under 1% (EU 1223/2009 Art. 19, 21 CFR 701.3): "
            "the ~1% line is taken there; entries after it weigh less."
        )
    elif placement.line is not None:
        notes.append(
            f"Estimated ~1% line at position {placement.line} (the first preservative, perfume, "
            "chelator or colourant); entries after it weigh less."
        )
    for entry in result.entries:
        if entry.inci is None:
            reviewed = db.unrecognised.get(fold_name(entry.name)) or db.unrecognised.get(
                fold_name(entry.text)
            )
            if reviewed is not None:
                notes.append(f"'{entry.text}' is left unknown on purpose: {reviewed.why}")
    avoid = result.options.avoid
    if avoid is not None and avoid.unknown:
        notes.append(
            "Your avoid list names what the database does not know, so it could not be "
            "checked: " + ", ".join(repr(u) for u in avoid.unknown)
        )
    unknown = [e.text for e in result.entries if e.inci is None]
    if unknown:
        notes.append(
            f"{len(unknown)} entr{'y is' if len(unknown) == 1 else 'ies are'} not in the "
            "database and could not be checked: "
            + ", ".join(repr(u) for u in unknown[:10])
            + (" …" if len(unknown) > 10 else "")
        )
        scripts = sum(1 for text in unknown if not_latin_script(text))
        if scripts:
            who = (
                "It is"
                if len(unknown) == 1
                else "All of them are"
                if scripts == len(unknown)
                else f"{scripts} of them {'is' if scripts == 1 else 'are'}"
            )
            notes.append(
                f"{who} written in a script other than the Latin alphabet (Japanese, Chinese, "
                "Korean, Cyrillic…). The "
                "database knows ingredients by their INCI names, which use Latin letters: if "
                "the pack or the brand's site prints the INCI list, screen that one."
            )
    return notes


_LATIN_LETTER = re.compile("[A-Za-z]")


def not_latin_script(text: str) -> bool:
    """Letters, none of them Latin even without accents ("グリセリン", "정제수", "甘油")."""
    return any(ch.isalpha() for ch in text) and not _LATIN_LETTER.search(
        unicodedata.normalize("NFKD", text)
    )


def verdict_model(d: Decision) -> Verdict:
    return Verdict(
        label=d.label,
        worst=d.worst,
        counts=dict(d.counts),
        by_kind=dict(d.by_kind),
        confidence=d.confidence,
        confidence_label=d.confidence_label,
        recognised_share=d.recognised_share,
        unknown=d.unknown,
        guessed=d.guessed,
        summary=summary_line(d),
        deciding=[f"{f.severity}: {', '.join(f.ingredients)} ({f.kind})" for f in d.deciding[:5]],
    )


def product_report(result: Result, db: Database) -> ProductReport:
    """The full report: every entry, every finding with its reason, the swaps."""
    flags = worst_flags(result.findings)
    items = ingredient_results(result.entries, result.may_contain, flags)
    findings = [finding_model(f) for f in result.findings]
    present = {e.ingredient.inci for e in result.entries if e.ingredient is not None}
    return ProductReport(
        name=result.name,
        context=list(result.options.contexts),
        product_type=result.options.product_type,
        ingredients=items,
        findings=findings,
        alternatives=alternatives_for(findings, db, present, result.options.contexts),
        verdict=verdict_model(result.decision),
        notes=report_notes(result, db),
        caveats=CAVEATS,
    )


def batch_row(result: Result) -> dict[str, Any]:
    """The lean projection batch mode writes: verdict, counts, flagged, unknown."""
    d = result.decision
    flagged: list[str] = []
    if d.flagged:
        for entry in result.entries:
            inci = entry.inci
            if inci is not None and inci in d.flagged and inci not in flagged:
                flagged.append(inci)
    return {
        "verdict": d.label,
        "worst": d.worst,
        "counts": d.counts,
        "by_kind": d.by_kind,
        "flagged": flagged,
        "unknown": [e.text for e in result.entries if e.inci is None],
        "recognised_share": d.recognised_share,
        "confidence": d.confidence,
        "entries": len(result.entries),
        "allergens": [
            name for f in result.findings if f.rule == "allergen:listed" for name in f.ingredients
        ],
    }


#: Bibliography citations keep where a copy was read in a trailing
#: "[copy consulted: …]" note: for reviewers, not for the people screened.
_PROVENANCE = re.compile(r"\s*\[copy consulted:[^\]]*\]")


def citation(db: Database, source_id: str) -> str:
    """A source as a person should read it: the publication, never where a copy
    was scraped from; an unverified list is called that, not trusted by name."""
    row = db.sources.get(source_id)
    if row is None:
        return source_id
    if row.kind == "low":
        return "An unverified public list (shown for completeness; it does not decide a finding)."
    return _PROVENANCE.sub("", row.citation).strip()
