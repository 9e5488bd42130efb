"""The public entry points: screen() one product, screen_routine() several.

One flow: parse → match → rules → alternatives → report. The web page, the
CLI and batch mode all call these.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from .alternatives import alternatives_for
from .database import Database, Ingredient, load_database
from .errors import ScreenError
from .limits import MAX_ENTRIES, MAX_ROUTINE_PRODUCTS, MAX_TEXT_CHARS
from .match import Match, Matcher
from .models import (
    Finding,
    IngredientResult,
    Placement,
    ProductReport,
    RatingSource,
    RoutineReport,
    Verdict,
)
from .normalise import fold_name
from .parse import (
    _TAIL_MARKS,
    NO_ENTRIES,
    ParsedEntry,
    footnote_tail,
    label_segments,
    parse_label,
    read_segment,
    too_many_entries,
)
from .repair import repair
from .rules import (
    Placed,
    comedogenic_findings,
    conflict_finding,
    conflict_rules_for,
    context_findings,
    occlusive_findings,
    one_percent_line,
    product_conflicts,
    sort_findings,
    zone_of,
)
from .vocabulary import CONTEXTS, PRODUCT_TYPES, SEVERITY_RANK, worst

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


#: summarise()'s per-entry data: printed text, annotations, ingredient, canonical
#: name, match kind, confidence, marks the ~1% line, recognised (exact/alias/family).
#: Then a key for its per-zone results (id * 4), whether it is an active, and the match.
_Entry = tuple[
    str, tuple[str, ...], Ingredient | None, str | None, str, float, bool, bool, int, bool, Match
]
_ZONES = ("top", "middle", "trace", "may_contain")


def normalise_contexts(context: str | Iterable[str] | None) -> list[str]:
    """Accept one context, a list, or None; refuse unknown names clearly."""
    if context is None:
        return []
    items = [context] if isinstance(context, str) else list(context)
    out: list[str] = []
    for item in items:
        if not isinstance(item, str):
            raise ScreenError(f"Context must be text, one of {', '.join(CONTEXTS)}.")
        name = item.strip().lower().replace("_", "-").replace(" ", "-")
        name = {
            "eye": "eye-area",
            "eyes": "eye-area",
            "postprocedure": "post-procedure",
            "baby": "infant",
            "infants": "infant",
            "pregnant": "pregnancy",
        }.get(name, name)
        if not name:
            continue
        if name not in CONTEXTS:
            raise ScreenError(f"Unknown context {item!r}. Choose from: {', '.join(CONTEXTS)}.")
        if name not in out:
            out.append(name)
    return out


def normalise_product_type(product_type: str | None) -> str | None:
    if product_type is None or product_type == "":
        return None
    name = product_type.strip().lower().replace("_", "-").replace(" ", "-")
    name = {
        "leaveon": "leave-on",
        "rinseoff": "rinse-off",
        "wash-off": "rinse-off",
        "cleanser": "rinse-off",
    }.get(name, name)
    if name not in PRODUCT_TYPES:
        raise ScreenError(
            f"Unknown product type {product_type!r}. Choose 'leave-on' or 'rinse-off'."
        )
    return name


@dataclass
class Screener:
    """A database with its matcher; build once, screen many."""

    db: Database
    matcher: Matcher
    #: summarise(): rule outcomes per ingredient / active set (never per list).
    _summary_cache: dict[tuple[Any, ...], Any] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    #: summarise(): each segment text's entries and matches (never whole lists).
    _segment_cache: dict[str, tuple[_Entry, ...]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    @classmethod
    def for_database(cls, db: Database) -> Screener:
        from .families import load_families

        return cls(db=db, matcher=Matcher(db, families=load_families(db)))

    # -- one product -------------------------------------------------------

    def screen(
        self,
        text: object,
        *,
        context: str | Iterable[str] | None = None,
        product_type: str | None = None,
        name: str | None = None,
        max_chars: int = MAX_TEXT_CHARS,
    ) -> ProductReport:
        contexts = normalise_contexts(context)
        ptype = normalise_product_type(product_type)
        parsed = parse_label(text, max_chars=max_chars)
        matches = [(entry, self.matcher.match_entry(entry)) for entry in parsed.entries]
        matches = self._repaired(matches, parsed.notes)
        _refuse_prose(matches)
        return self.report(matches, parsed.notes, contexts, ptype, name)

    def _repaired(
        self, matches: list[tuple[ParsedEntry, Match]], notes: list[str]
    ) -> list[tuple[ParsedEntry, Match]]:
        """Names split at a comma joined, run-together names split (repair.py)."""
        repaired = repair([e.text for e, _m in matches], [m for _e, m in matches], self.matcher)
        if repaired is None:
            return matches
        pieces, repair_notes = repaired
        notes.extend(repair_notes)
        out: list[tuple[ParsedEntry, Match]] = []
        for position, piece in enumerate(pieces, start=1):
            first = matches[piece.sources[0]][0]
            if len(piece.sources) == 1 and piece.text == first.text:
                entry = replace(first, position=position)
            else:
                annotations = tuple(
                    dict.fromkeys(a for i in piece.sources for a in matches[i][0].annotations)
                )
                entry = ParsedEntry(
                    text=piece.text,
                    name=piece.text,
                    candidates=(),
                    position=position,
                    may_contain=first.may_contain,
                    annotations=annotations,
                )
            out.append((entry, piece.match))
        return out

    def report(
        self,
        matches: list[tuple[ParsedEntry, Match]],
        notes: list[str],
        contexts: list[str],
        product_type: str | None,
        name: str | None = None,
    ) -> ProductReport:
        db = self.db
        line = one_percent_line([(m.ingredient, e.position, e.may_contain) for e, m in matches], db)
        placed = [
            Placed(
                m.ingredient,
                e.position,
                e.may_contain,
                zone_of(e.position, e.may_contain, line, db),
            )
            for e, m in matches
            if m.ingredient is not None
        ]
        # An ingredient printed twice (or a guess that lands on one already listed)
        # is judged once, at its first, highest-weighted position.
        first_seen: dict[str, Placed] = {}
        for item in placed:
            first_seen.setdefault(item.ingredient.inci, item)
        unique = list(first_seen.values())
        rinse_off = product_type == "rinse-off"
        findings = sort_findings(
            product_conflicts(placed, db)
            + context_findings(placed, db, contexts)
            + occlusive_findings(unique, db, rinse_off, contexts)
            + comedogenic_findings(unique, db, rinse_off)
        )
        flags: dict[str, str] = {}
        for finding in findings:
            for inci in finding.ingredients:
                current = flags.get(inci)
                if current is None or SEVERITY_RANK[finding.severity] > SEVERITY_RANK[current]:
                    flags[inci] = finding.severity
        items = [_ingredient_result(e, m, flags) for e, m in matches]
        present = {m.ingredient.inci for _e, m in matches if m.ingredient is not None}
        alternatives = alternatives_for(findings, db, present)
        notes = list(notes)
        for entry, match in matches:
            if match.reason:
                notes.append(f"'{entry.text}': {match.reason}; shown as a guess, {match.inci}.")
        if line is not None:
            notes.append(
                f"Estimated ~1% line at position {line} (the first preservative, perfume, "
                "chelator or colourant); entries after it weigh less."
            )
        for entry, match in matches:
            if match.inci is None:
                reviewed = db.unrecognised.get(fold_name(entry.name)) or db.unrecognised.get(
                    fold_name(entry.text)
                )
                if reviewed is not None:
                    notes.append(f"'{entry.text}' is left unknown on purpose: {reviewed.why}")
        unknown = [i.text for i in items if i.inci is None]
        if unknown:
            notes.append(
                f"{len(unknown)} entr{'y is' if len(unknown) == 1 else 'ies are'} not in the "
                "database and could not be checked: "
                + ", ".join(repr(u) for u in unknown[:10])
                + (" …" if len(unknown) > 10 else "")
            )
        return ProductReport(
            name=name,
            context=contexts,
            product_type=product_type,
            ingredients=items,
            findings=findings,
            alternatives=alternatives,
            verdict=make_verdict(findings, items, db),
            notes=notes,
            caveats=CAVEATS,
        )

    # -- many products, lean ----------------------------------------------

    def summarise(
        self,
        text: object,
        contexts: Sequence[str] = (),
        product_type: str | None = None,
    ) -> dict[str, Any]:
        """The verdict, finding counts and flagged names of one list, fast.

        The same answer as ``screen()`` (tested against it) without building the
        report models: batch mode calls this once per row. ``contexts`` and
        ``product_type`` must already be normalised (``normalise_contexts``,
        ``normalise_product_type``). The rule functions of rules.py decide every
        severity; their outcomes are remembered per ingredient and zone (and per
        set of actives for conflicts), never per list. Raises ScreenError like
        ``screen()``.

        Keys: ``verdict`` (label), ``worst`` (deciding severity or None),
        ``counts`` (per severity), ``by_kind``, ``flagged`` (canonical names with a
        caution/avoid finding, list order), ``unknown`` (printed entries not
        recognised), ``recognised_share``, ``confidence``, ``entries``.
        """
        texts, may_flags, _notes = label_segments(text)
        segment_cache = self._segment_cache
        if len(segment_cache) > 200_000:
            segment_cache.clear()
        entries: list[_Entry] = []
        mays: list[bool] = []
        for index, segment in enumerate(texts):
            read = segment_cache.get(segment)
            if read is None:
                read = segment_cache[segment] = self._read_segment(segment)
            entries.extend(read)
            if may_flags is not None:
                mays.extend([may_flags[index]] * len(read))
        if len(entries) > MAX_ENTRIES:
            raise too_many_entries()
        if len(entries) > 1 and entries[-1][0][:1] in _TAIL_MARKS:
            cut = footnote_tail([e[0] for e in entries], [e[1] for e in entries])
            if cut:
                del entries[-cut:]
                del mays[len(entries) :]
        if not entries:
            raise ScreenError(NO_ENTRIES)
        # Repairs first, as in screen(): "Water Glycerin" alone is a list, not prose.
        if any(e[4] in ("unknown", "fuzzy") for e in entries):
            entries, mays = self._repaired_entries(entries, mays)
        if all(e[4] == "unknown" for e in entries):
            _refuse_prose_texts([e[0] for e in entries])
        if not any(mays):
            mays = []

        db = self.db
        cache = self._summary_cache
        if len(cache) > 200_000:
            cache.clear()
        top_end, trace_after = self._zone_limits()
        line: int | None = None
        for position, entry in enumerate(entries, start=1):
            if entry[6] and not (mays and mays[position - 1]):
                line = position
                break
        rinse_off = product_type == "rinse-off"
        ctx = tuple(contexts)
        eye = "eye-area" in ctx
        item_cache = cache.get(("items", rinse_off, eye))
        if item_cache is None:
            item_cache = cache[("items", rinse_off, eye)] = {}
        judged: set[str] = set()  # judged once, at the first position (as in report())
        # (kind, severity, names) of every finding, in any order.
        found: list[tuple[str, str, tuple[str, ...]]] = []
        by_rule: dict[tuple[str, str | None, str], list[str]] = {}
        actives: dict[str, Ingredient] = {}
        unknown: list[str] = []
        confidence = 0.0
        recognised = 0
        declared = 0
        any_declared = not mays or not all(mays)
        # Positions from here on are after the ~1% line or past trace_after.
        trace_from = trace_after + 1 if line is None else min(line, trace_after + 1)
        for position, (
            printed,
            _ann,
            ing,
            inci,
            _kind,
            conf,
            _marker,
            known,
            key4,
            active,
            _match,
        ) in enumerate(entries, start=1):
            may = mays[position - 1] if mays else False
            if inci is None:
                unknown.append(printed)
            if not may or not any_declared:
                declared += 1
                confidence += conf
                recognised += known
            if ing is None or inci is None:
                continue
            if may:
                zone = 3
            elif position <= top_end:
                zone = 0
            elif position >= trace_from:
                zone = 2
            else:
                zone = 1
            if inci not in judged:
                judged.add(inci)
                hit = item_cache.get(key4 + zone)
                if hit is None:
                    one = [Placed(ing, position, may, _ZONES[zone])]
                    hit = item_cache[key4 + zone] = tuple(
                        (f.kind, f.severity, tuple(f.ingredients))
                        for f in occlusive_findings(one, db, rinse_off, ctx)
                        + comedogenic_findings(one, db, rinse_off)
                    )
                if hit:
                    found.extend(hit)
            if may:
                continue
            if ctx:
                ctx_key = ("context", key4, ctx)
                rules = cache.get(ctx_key)
                if rules is None:
                    one = [Placed(ing, position, False, _ZONES[zone])]
                    rules = cache[ctx_key] = tuple(
                        (f.rule, f.context, f.severity) for f in context_findings(one, db, ctx)
                    )
                for rule_key in rules:
                    named = by_rule.setdefault(rule_key, [])
                    if inci not in named:
                        named.append(inci)
            if active and inci not in actives:
                actives[inci] = ing
        for (_rule, _context, rule_severity), named in by_rule.items():
            found.append(("context", rule_severity, tuple(named)))
        if len(actives) > 1:
            # Which pairs clash does not depend on the order of the actives, and
            # nothing below depends on the order of the findings or of their names.
            pair_key = ("conflict", frozenset(actives))
            pair = cache.get(pair_key)
            if pair is None:
                placed = [Placed(i, 1, False, "top") for i in actives.values()]
                pair = cache[pair_key] = tuple(
                    (f.kind, f.severity, tuple(f.ingredients))
                    for f in product_conflicts(placed, db)
                )
            found.extend(pair)

        counts = {"info": 0, "caution": 0, "avoid": 0}
        by_kind = {"comedogenic": 0, "occlusive": 0, "conflict": 0, "context": 0}
        flags: dict[str, int] = {}
        cfg = db.severity["verdict"]
        kinds = set(cfg.get("kinds", []))
        deciding: list[str] = []
        for kind, severity, names in found:
            counts[severity] += 1
            by_kind[kind] += 1
            if kind in kinds and severity != "info":
                deciding.append(severity)
            rank = SEVERITY_RANK[severity]
            for name in names:
                if rank > flags.get(name, -1):
                    flags[name] = rank
        top = worst(deciding)
        label = {"avoid": cfg["avoid_label"], "caution": cfg["caution_label"]}.get(
            top or "", cfg["clean_label"]
        )
        flagged: list[str] = []
        if any(rank >= 1 for rank in flags.values()):
            for entry in entries:
                found_name = entry[3]
                if (
                    found_name is not None
                    and flags.get(found_name, 0) >= 1
                    and found_name not in flagged
                ):
                    flagged.append(found_name)
        return {
            "verdict": label,
            "worst": top,
            "counts": counts,
            "by_kind": by_kind,
            "flagged": flagged,
            "unknown": unknown,
            "recognised_share": round(recognised / declared, 3) if declared else 0.0,
            "confidence": round(confidence / declared, 3) if declared else 0.0,
            "entries": len(entries),
        }

    def _read_segment(self, segment: str) -> tuple[_Entry, ...]:
        """One segment's entries with their matches (summarise caches this per segment)."""
        _footnotes, reads = read_segment(segment)
        return tuple(
            self._as_entry(
                printed, notes, self.matcher.match_entry(ParsedEntry(printed, name, candidates, 0))
            )
            for printed, name, candidates, notes in reads
        )

    def _as_entry(self, printed: str, notes: tuple[str, ...], match: Match) -> _Entry:
        ing = match.ingredient
        return (
            printed,
            notes,
            ing,
            match.inci,
            match.kind,
            match.confidence,
            ing is not None and ing.primary_function in self._markers(),
            match.kind in ("exact", "alias", "family"),
            id(ing) * 4 if ing is not None else -4,
            ing is not None and bool(ing.classes),
            match,
        )

    def _repaired_entries(
        self, entries: list[_Entry], mays: list[bool]
    ) -> tuple[list[_Entry], list[bool]]:
        """summarise()'s side of _repaired(): the same repairs on its entry tuples."""
        repaired = repair([e[0] for e in entries], [e[10] for e in entries], self.matcher)
        if repaired is None:
            return entries, mays
        pieces = repaired[0]
        out: list[_Entry] = []
        out_mays: list[bool] = []
        for piece in pieces:
            first = entries[piece.sources[0]]
            if len(piece.sources) == 1 and piece.text == first[0]:
                out.append(first)
            else:
                notes = tuple(dict.fromkeys(a for i in piece.sources for a in entries[i][1]))
                out.append(self._as_entry(piece.text, notes, piece.match))
            if mays:
                out_mays.append(mays[piece.sources[0]])
        return out, out_mays

    def _markers(self) -> frozenset[str]:
        markers = self._summary_cache.get(("markers",))
        if markers is None:
            markers = frozenset(self.db.severity["position"].get("one_percent_markers", []))
            self._summary_cache[("markers",)] = markers
        return markers

    def _zone_limits(self) -> tuple[int, int]:
        limits = self._summary_cache.get(("zones",))
        if limits is None:
            cfg = self.db.severity["position"]
            limits = (int(cfg.get("top_zone_end", 5)), int(cfg.get("trace_after", 15)))
            self._summary_cache[("zones",)] = limits
        return limits

    # -- a routine ---------------------------------------------------------

    def screen_routine(
        self,
        products: Sequence[Any],
        *,
        context: str | Iterable[str] | None = None,
    ) -> RoutineReport:
        contexts = normalise_contexts(context)
        if isinstance(products, str) or not isinstance(products, Sequence):
            raise ScreenError("A routine is a list of products (each an ingredient list).")
        if not products:
            raise ScreenError("The routine is empty: add at least one product.")
        if len(products) > MAX_ROUTINE_PRODUCTS:
            raise ScreenError(
                f"A routine may hold at most {MAX_ROUTINE_PRODUCTS} products "
                f"({len(products)} given)."
            )
        specs = [_routine_item(p, i) for i, p in enumerate(products, start=1)]
        reports = []
        for spec in specs:
            try:
                reports.append(
                    self.screen(
                        spec["text"],
                        context=contexts,
                        product_type=spec["product_type"],
                        name=spec["name"],
                    )
                )
            except ScreenError as exc:
                raise ScreenError(f"{spec['name']}: {exc}") from None
        findings: list[Finding] = []
        clashes: list[tuple[int, int, Finding]] = []
        for i in range(len(reports)):
            for j in range(i + 1, len(reports)):
                for finding in self._cross_conflicts(reports[i], reports[j]):
                    findings.append(finding)
                    clashes.append((i, j, finding))
        arrangement, unresolved = arrange(specs, reports, clashes, self.db)
        verdict_findings = findings + [f for r in reports for f in r.findings]
        all_items = [item for r in reports for item in r.ingredients]
        return RoutineReport(
            context=contexts,
            products=reports,
            findings=sort_findings(findings),
            arrangement=arrangement,
            unresolved=unresolved,
            verdict=make_verdict(verdict_findings, all_items, self.db),
        )

    def _cross_conflicts(self, first: ProductReport, second: ProductReport) -> list[Finding]:
        db = self.db
        a_items = [
            db.by_inci[i.inci]
            for i in first.ingredients
            if i.inci in db.by_inci and not i.may_contain and i.active_classes
        ]
        b_items = [
            db.by_inci[i.inci]
            for i in second.ingredients
            if i.inci in db.by_inci and not i.may_contain and i.active_classes
        ]
        out = []
        seen: set[tuple[str, str, str]] = set()
        for a in a_items:
            for b in b_items:
                for rule in conflict_rules_for(db, a, b, ("routine", "both")):
                    key = (rule.id, a.inci, b.inci)
                    if key in seen:
                        continue
                    seen.add(key)
                    out.append(
                        conflict_finding(
                            rule, [a.inci, b.inci], [first.name or "", second.name or ""]
                        )
                    )
        return out


def _routine_item(product: Any, index: int) -> dict[str, Any]:
    if isinstance(product, str):
        return {"name": f"Product {index}", "text": product, "when": None, "product_type": None}
    if isinstance(product, Mapping):
        text = product.get("text") or product.get("ingredients")
        when = product.get("when") or product.get("time")
        when = str(when).upper() if when else None
        if when not in (None, "AM", "PM", "AM+PM", "BOTH"):
            raise ScreenError(f"Product {index}: 'when' must be AM, PM or AM+PM, not {when!r}.")
        return {
            "name": str(product.get("name") or f"Product {index}"),
            "text": text,
            "when": "AM+PM" if when == "BOTH" else when,
            "product_type": product.get("product_type"),
        }
    raise ScreenError(
        f"Product {index} must be an ingredient list (text) or a mapping with 'name' and 'text'."
    )


def arrange(
    specs: list[dict[str, Any]],
    reports: list[ProductReport],
    clashes: list[tuple[int, int, Finding]],
    db: Database,
) -> tuple[list[Placement], list[str]]:
    """Suggest AM/PM slots so that products that clash are not applied together.

    Retinoids and exfoliating acids prefer the evening; vitamin C and sunscreens
    the morning (REFERENCE.md §3.1 rules 6, 11, 15). A clash that no split can
    resolve is reported (alternate days)."""

    def preferred(report: ProductReport) -> str | None:
        classes = {c for i in report.ingredients if not i.may_contain for c in i.active_classes}
        functions = {i.functions[0] for i in report.ingredients if i.functions}
        if classes & {"retinoid", "aha", "bha", "hydroquinone", "copper_peptide"}:
            return "PM"
        if classes & {"l_ascorbic_acid"} or "uv_filter" in functions:
            return "AM"
        return None

    serious = [(i, j, f) for i, j, f in clashes if f.severity in ("avoid", "caution")]
    slots: dict[int, str] = {}
    why: dict[int, str] = {}
    for index, spec in enumerate(specs):
        if spec["when"] in ("AM", "PM"):
            slots[index] = spec["when"]
            why[index] = "as you use it"
    order = sorted(range(len(specs)), key=lambda k: -sum(1 for i, j, _ in serious if k in (i, j)))
    for index in order:
        if index in slots:
            continue
        partners = [j if i == index else i for i, j, _ in serious if index in (i, j)]
        if not partners:
            slots[index] = specs[index]["when"] or "AM+PM"
            why[index] = "no clash with the other products"
            continue
        taken = {slots[p] for p in partners if p in slots}
        choice = preferred(reports[index])
        options = [s for s in (choice, "PM", "AM") if s]
        for option in options:
            if option not in taken and "AM+PM" not in taken:
                slots[index] = option
                break
        else:
            slots[index] = choice or "PM"
        names = ", ".join(reports[p].name or "" for p in partners)
        why[index] = f"kept apart from {names}"
    unresolved = []
    for i, j, finding in serious:
        si, sj = slots.get(i, "AM+PM"), slots.get(j, "AM+PM")
        if si == sj or "AM+PM" in (si, sj):
            unresolved.append(
                f"{reports[i].name} and {reports[j].name} ({' + '.join(finding.ingredients)}): "
                "use on alternate days. " + finding.advice
            )
    placements = [
        Placement(
            product=reports[k].name or f"Product {k + 1}",
            slot=slots.get(k, "AM+PM"),
            why=why.get(k, ""),
        )
        for k in range(len(specs))
    ]
    return placements, list(dict.fromkeys(unresolved))


def _ingredient_result(entry: ParsedEntry, match: Match, flags: dict[str, str]) -> IngredientResult:
    ing = match.ingredient
    inci = match.inci
    return IngredientResult(
        text=entry.text,
        inci=inci,
        match=match.kind,
        confidence=match.confidence,
        position=entry.position,
        may_contain=entry.may_contain,
        annotations=list(entry.annotations),
        family=match.family,
        functions=list(ing.functions) if ing else [],
        comedogenic=ing.comedogenic.used if ing and ing.comedogenic else None,
        comedogenic_unconfirmed=bool(ing and ing.comedogenic and ing.comedogenic.unconfirmed),
        comedogenic_sources=[
            RatingSource(value=v.value, source=v.source, quality=v.quality, note=v.note)
            for v in (ing.comedogenic.values if ing and ing.comedogenic else ())
        ],
        irritancy=ing.irritancy.used if ing and ing.irritancy else None,
        occlusive=ing.occlusive if ing else None,
        active_classes=sorted(ing.classes) if ing else [],
        flag=flags.get(inci) if inci else None,
    )


def make_verdict(findings: list[Finding], items: list[IngredientResult], db: Database) -> Verdict:
    cfg = db.severity["verdict"]
    kinds = set(cfg.get("kinds", []))
    counts = {"info": 0, "caution": 0, "avoid": 0}
    by_kind = {"comedogenic": 0, "occlusive": 0, "conflict": 0, "context": 0}
    for finding in findings:
        counts[finding.severity] += 1
        by_kind[finding.kind] += 1
    deciding: list[str] = [f.severity for f in findings if f.kind in kinds and f.severity != "info"]
    top = worst(deciding)
    label = {"avoid": cfg["avoid_label"], "caution": cfg["caution_label"]}.get(
        top or "", cfg["clean_label"]
    )
    declared = [i for i in items if not i.may_contain] or items
    confidence = round(sum(i.confidence for i in declared) / len(declared), 3) if declared else 0.0
    recognised = [i for i in declared if i.match in ("exact", "alias", "family")]
    share = round(len(recognised) / len(declared), 3) if declared else 0.0
    unknown = sum(1 for i in items if i.match == "unknown")
    guessed = sum(1 for i in items if i.match == "fuzzy")
    conf_label = (
        "high"
        if confidence >= cfg["high_confidence"]
        else "medium"
        if confidence >= cfg["medium_confidence"]
        else "low"
    )
    summary = (
        f"{label.capitalize()}: {counts['avoid']} avoid, {counts['caution']} caution, "
        f"{counts['info']} info. {len(recognised)} of {len(declared)} ingredients recognised"
        + (f", {guessed} guessed" if guessed else "")
        + (f", {unknown} unknown" if unknown else "")
        + f" (confidence {conf_label})."
    )
    return Verdict(
        label=label,
        worst=top,
        counts=counts,
        by_kind=by_kind,
        confidence=confidence,
        confidence_label=conf_label,
        recognised_share=share,
        unknown=unknown,
        guessed=guessed,
        summary=summary,
    )


def _refuse_prose(matches: list[tuple[ParsedEntry, Match]]) -> None:
    """Prose pasted instead of a list: long word runs, almost nothing recognised."""
    if matches and all(m.kind == "unknown" for _e, m in matches):
        _refuse_prose_texts([e.text for e, _m in matches])


def _refuse_prose_texts(texts: list[str]) -> None:
    """``_refuse_prose`` for entries none of which was recognised."""
    words = sum(len(t.split()) for t in texts) / len(texts)
    if words > 6 or (len(texts) <= 2 and words >= 3):
        raise ScreenError(
            "This does not look like an ingredient list (no ingredient was recognised and "
            "the text reads like sentences). Paste the INCI list from the label, with the "
            "ingredients separated by commas."
        )


@lru_cache(maxsize=4)
def _default_screener(path: str | None) -> Screener:
    return Screener.for_database(load_database(path))


def get_screener(path: str | None = None) -> Screener:
    """The process-wide screener for a database folder (built once)."""
    return _default_screener(path)


def screen(
    text: object,
    *,
    context: str | Iterable[str] | None = None,
    product_type: str | None = None,
) -> ProductReport:
    """Screen one ingredient list. Raises ScreenError for input it cannot screen."""
    return get_screener().screen(text, context=context, product_type=product_type)


def screen_routine(
    texts: Sequence[Any], *, context: str | Iterable[str] | None = None
) -> RoutineReport:
    """Screen the products of a routine and the clashes between them.

    ``texts`` is a list of ingredient lists, or of mappings
    ``{"name": ..., "text": ..., "when": "AM"|"PM"|"AM+PM"}``.
    """
    return get_screener().screen_routine(texts, context=context)
