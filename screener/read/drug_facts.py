"""US OTC "Drug Facts" panels (21 CFR 201.66), read by section.

A panel prints its sections in a fixed vocabulary and order: Active
ingredient(s) with a Purpose column, Uses, Warnings, Directions, Other
information, Inactive ingredients, Questions?. The inactive ingredients come
after Uses/Warnings/Directions, so the panel is taken apart by section before
anything is cut as a trailing panel. Under 201.66(c)(8) the inactive
ingredients are listed in alphabetical order, not by concentration: the
caller keeps each entry's section so the next stages can tell.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .common import lowered, preview
from .preamble import HEADING

DRUG_FACTS = re.compile(
    r"(?i)(?<![\w-])(?:"
    r"(?P<inactive>(?:the\s+following\s+)?(?:inactive|other)\s+ingredients?(?:\s+include[sd]?\b)?"
    # "The gel contains allantoin, ...": the vehicle named after the active's sentence.
    r"|the\s+(?:gel|cream|lotion|ointment|solution|foam|vehicle|base)\s+(?:also\s+)?contains?"
    r"|(?:list\s+of\s+)?excipients?"
    # A package insert's prose: "adapalene 0.1% in a vehicle consisting of ...",
    # "5% benzoyl peroxide, in an aqueous gel base formulated with ...",
    # "tretinoin 0.025% in a hydrophilic cream vehicle of ...", "in an ointment
    # base composed of ...".
    r"|(?:in\s+)?an?\s+(?:[\w-]+\s+){0,3}?(?:(?:vehicle|base)\s+(?:consisting\s+of|formulated\s+with"
    r"|containing|(?:composed|comprised|made\s+up)\s+of|comprising|of)"
    # "in a gel consisting of": the dosage form itself, with a verb that lists.
    r"|(?:gel|cream|ointment|lotion|emulsion|solution|foam)\s+(?:consisting\s+of|formulated\s+with"
    r"|composed\s+of)))"
    # Not prose: "... (15% w/w) as the active ingredient", "release of active ingredient".
    r"|(?<!as\sthe\s)(?<!\sof\s)(?<!\sthe\s)(?P<active>active\s+ingredients?)(?:\s*\((?:in\s+each|per)\b[^()\n]{0,40}\))?"
    r"(?P<header>[ \t]*purposes?)?"
    r"|(?P<purpose>purposes?)"
    r"|(?P<other>drug\s+facts(?:\s*\(continued\))?|uses|use(?=[ \t]*[:：•\n])"
    # The singular heading at a line's start, before its text: "Use For the treatment of acne".
    # On one line, before a capitalised word: "... Acne Treatment Use For the treatment".
    r"|(?<=\n)(?-i:Use|USE)(?=[ \t]+[A-Za-z])|(?<=[ \t])(?-i:Use|USE)(?=[ \t]+(?-i:[A-Z]))|warnings?"
    r"|directions|other\s+information|questions(?:\s+or\s+comments)?|do\s+not\s+use"
    r"|ask\s+a\s+doctor|stop\s+use|when\s+using\s+this\s+product"
    r"|keep\s+out\s+of\s+reach(?:\s+of\s+children)?)"
    r")(?![\w-])[ \t]*[:：?]?"
)
_KINDS = ("inactive", "active", "purpose", "other")
# The "Purpose" column beside each active: the OTC monographs' closed vocabulary.
_DRUG_PURPOSES = re.compile(
    r"(?i)(?<![\w-])(?:(?:(?:uva\s*/\s*uvb|uvb\s*/\s*uva|uva|uvb|broad[\s-]spectrum)\s+)?sunscreens?"
    r"|(?:skin|lip)\s+protectants?|acne\s+(?:treatment|medication)"
    r"|anti-?acne|antiperspirants?|anti-?dandruff|(?:external|topical)\s+analgesics?"
    r"|anti-?itch|anti-?fungals?|(?:first\s+aid\s+)?antiseptics?|antibacterials?"
    r"|antimicrobials?|astringents?|skin\s+lighten(?:er|ing))(?![\w-])"
)
DRUG_PERCENT = re.compile(r"\d{1,3}(?:[.,]\d{1,3})?\s*%")
# "(w/w)" anywhere, "w/w" right after a percentage ("Octinoxate 7.5% w/w").
_WEIGHT_PER_WEIGHT = re.compile(
    r"(?i)\(\s*[wv]\s*/\s*[wv]\s*\)|(?<=%)[ \t]*[wv]\s*/\s*[wv](?![\w/])"
)
_LETTER = re.compile(r"[A-Za-z]")
_AMOUNT = re.compile(r"[ \t]*\([^()]{0,40}\)")
_CONTAINS = re.compile(r"(?i)\bcontains?[ \t]*$")
_NO_BEFORE_HEADING = re.compile(r"(?i)[\s.]*\bno$")
_NONE = re.compile(r"(?i)^(?:none|nil|n/?a|-+)\.?$")
_CONTAINS_WORD = re.compile(r"(?i)\b(?:contains?|provides?)\b")
_SENTENCE_END = re.compile(r"\.\s+(?=[A-Z])")
# A percentage printed apart from its name ("Adapalene USP, 0.1% (retinoid)").
_LONE_STRENGTH = re.compile(r"^\s*\d{1,3}(?:[.,]\d{1,3})?\s*%(?:\s*\([^()]*\))?[\s*°†‡✝]*$")
_LAST_LETTER = re.compile(r"[A-Za-z][^A-Za-z]*\Z")
# Line breaks, semicolons and commas, but not a decimal comma ("0,5 %"); an
# "and" before the next active's amount ("10 mg (1%) clindamycin and 50 mg ...").
_ACTIVE_BREAK = re.compile(r"[\n;]|(?<!\d),|,(?!\d{1,3}\s?%)|\s+and\s+(?=\d)")

# A package insert words the strength around the active's name; each pattern
# rewrites one wording into the panel's "name strength" form.
_NUMBER = r"\d{1,4}(?:[.,]\d{1,4})?"
# "as dispensed", "as the active ingredient", "by weight", "at a concentration of"
_STRENGTH_WORDS = re.compile(
    r"(?i)\s*,?\s*\b(?:as\s+dispensed|as\s+the\s+active\s+ingredients?|by\s+weight"
    r"|at\s+a\s+concentration\s+of|respectively)\b\s*,?"
)
# "Each gram contains", "1 g of cream contains" at the start of an actives text.
_PER_GRAM_LEAD = re.compile(
    r"(?i)^\s*(?:each|1|per)\s+(?:gram|gm|g|ml|milliliter)\b[^,:;]{0,60}?\b(?:contains?|provides?)\b:?"
)
# "at a concentration equivalent to 10 mg clindamycin per gram": the base's strength.
_EQUIVALENT_PER_GRAM = re.compile(
    rf"(?i)\s*,?\s*at\s+a\s+concentration\s+equivalent\s+to\s+(?P<mg>{_NUMBER})\s?mg\s+"
    r"[A-Za-z][\w\s-]{0,40}?\s+per\s+(?:gram|gm|g|milliliter|ml)\b"
)
# "1 mg of triamcinolone acetonide USP per gram": the name between the amount and its basis.
_MG_OF_PER_GRAM = re.compile(
    rf"(?i)(?<![\w.])(?P<mg>{_NUMBER})\s?mg\s+(?:of\s+)?(?P<name>[A-Za-z][\w\s,-]{{0,60}}?)\s+"
    r"per\s+(?:gram|gm|g)\b"
)
# "0.5 and 1 mg of tazarotene": one active in several strengths, none of them known.
_AMOUNTS_LIST = re.compile(
    rf"(?i)(?<![\w.])(?:{_NUMBER}\s?(?:mg)?\s*(?:,|and|or)\s*)+{_NUMBER}\s?mg\s+(?:of\s+)?(?=[A-Za-z])"
)
# "..., respectively in a white cream base": the vehicle named without its ingredients.
_VEHICLE_TAIL = re.compile(
    r"(?i)\s+in\s+an?\s+[\w\s,-]{0,60}?(?:base|vehicle|gel|cream|ointment|lotion|emulsion|solution)\s*$"
)
# "tretinoin in one of three strengths, 0.1% (1 mg), 0.05%, or 0.025%": one
# active, its strength not known from the text.
_STRENGTHS = re.compile(
    r"(?i)\s+in\s+(?:either|any|one|each)\s+of\s+(?:two|three|four|five|[2-5])\s+strengths?"
    rf"\s*[,:]?\s*(?P<list>(?:{_NUMBER}\s?%(?:\s*\([^()]{{0,20}}\))?\s*,?\s*(?:(?:or|and)\s+)?)+)"
)
_IN_STRENGTH = re.compile(rf"(?i)\s+in\s+(?={_NUMBER}\s?%)")  # "tretinoin in 0.025%"
# "10 mg (1%) clindamycin": the percentage before the name, the amount dropped.
_AMOUNT_THEN_PERCENT = re.compile(
    rf"(?i)(?<![\w.]){_NUMBER}\s?(?:mg|mcg|gm|g)\s*\(\s*({_NUMBER}\s?%)\s*\)\s+(?=[A-Za-z])"
)
# "7.5 mg per gram (0.75%)" → "0.75%"; "7.5 mg per gram" alone → "0.75%".
_PER_GRAM = re.compile(
    rf"(?i)(?<![\w.])(?P<mg>{_NUMBER})\s?mg\s+(?:per|/)\s*(?:gram|gm|g)\b(?:\s*\(\s*(?P<pct>{_NUMBER}\s?%)\s*\))?"
)
# "metronidazole, USP, 0.75%": a grade between commas stays with the name.
_COMMA_GRADE = re.compile(r"(?i),\s*(USP|BP|IP|NF|Ph\.?\s?Eur\.?)\s*,\s*")


def _percent_of_mg(found: re.Match[str]) -> str:
    """The match's ``mg`` per gram as a percentage ("7.5" → "0.75%")."""
    return f"{float(found.group('mg').replace(',', '.')) / 10:g}%"


def _mg_per_gram(found: re.Match[str]) -> str:
    return f" ({_percent_of_mg(found)})"


def _name_mg_per_gram(found: re.Match[str]) -> str:
    return f"{found.group('name')} ({_percent_of_mg(found)})"


def _per_gram_percent(found: re.Match[str]) -> str:
    return found.group("pct") or _percent_of_mg(found)


def _strength_list(found: re.Match[str]) -> str:
    return " (" + " / ".join(DRUG_PERCENT.findall(found.group("list"))) + ") "


def insert_strengths(body: str) -> str:
    """A package insert's wording of its actives' strengths, in the panel's
    "name strength" form (the forms above; a text without them is unchanged)."""
    body = _PER_GRAM_LEAD.sub("", body)
    body = _COMMA_GRADE.sub(r" \1 ", body)
    if "mg" in body or "MG" in body:
        body = _EQUIVALENT_PER_GRAM.sub(_mg_per_gram, body)
        body = _MG_OF_PER_GRAM.sub(_name_mg_per_gram, body)
        body = _PER_GRAM.sub(_per_gram_percent, body)
        body = _AMOUNT_THEN_PERCENT.sub(r"\1 ", body)
        body = _AMOUNTS_LIST.sub("", body)
    body = _STRENGTH_WORDS.sub(" ", body)
    body = _STRENGTHS.sub(_strength_list, body)
    body = _VEHICLE_TAIL.sub("", body)
    return _IN_STRENGTH.sub(" ", body)


@dataclass(frozen=True, slots=True)
class DrugFactsPanel:
    """The ingredient sections of a panel: one text per active, and the
    inactive ingredients' text (one per heading)."""

    actives: tuple[str, ...]
    inactives: tuple[str, ...]
    #: The inactive ingredients are a drug's vehicle or excipient list ("in a
    #: cream base of", "List of excipients:"), which prescription labels and EU
    #: SmPCs print in no stated order: positions say nothing about amounts.
    unordered: bool = False


def split_actives(body: str) -> list[str]:
    """The actives of a Drug Facts panel, one entry each, purposes dropped.

    Actives are printed one per line, or one after another on a line, each with
    its percentage before or after the name ("Octinoxate 7.5% Oxybenzone 4%",
    "9.0% Zinc Oxide, 7.5% Octinoxate"); "(w/w)" and "w/w" are dropped with
    the purpose.
    One pass per chunk: the next and the last letter are found once per cut,
    not once per percentage."""
    body = _WEIGHT_PER_WEIGHT.sub(" ", _DRUG_PURPOSES.sub(" ", insert_strengths(body)))
    out: list[str] = []
    for chunk in _ACTIVE_BREAK.split(body):
        start = 0
        last = _LAST_LETTER.search(chunk)
        last_letter = last.start() if last else -1
        next_letter = _LETTER.search(chunk)
        for pct in DRUG_PERCENT.finditer(chunk):
            if next_letter is None or last_letter < pct.end():
                break  # no name can follow any later percentage either
            if next_letter.start() < pct.start():  # "Octinoxate 7.5% | Oxybenzone 4%"
                # An amount beside the strength stays with it: "0.1% (1 mg)".
                amount = _AMOUNT.match(chunk, pct.end())
                end = amount.end() if amount else pct.end()
                out.append(chunk[start:end])
                start = end
                next_letter = _LETTER.search(chunk, start)
        if out and _LONE_STRENGTH.match(chunk[start:]):
            out[-1] += " " + chunk[start:]
        else:
            out.append(chunk[start:])
    return [" ".join(part.split()).strip(" .:•") for part in out if _LETTER.search(part)]


_FORMS = ("gel", "cream", "lotion", "ointment", "solution", "foam", "vehicle", "base")


def _may_hold_ingredient_heading(low: str) -> bool:
    """False only when DRUG_FACTS can find no ``inactive`` or ``active`` heading
    in ``low`` (the text as ``common.lowered`` gave it), so _is_panel would say
    no: each heading needs these words."""
    return (
        "active" in low  # also "inactive"
        or "excipient" in low
        or "vehicle" in low
        or ("other" in low and "ingredient" in low)
        # "base consisting of", "composed of", "formulated with", "containing", "comprising"
        or (
            "base" in low
            and ("of" in low or "formulated" in low or "contain" in low or "compris" in low)
        )
        # "in a gel consisting of", "an emulsion formulated with"
        or "consisting" in low
        or "formulated with" in low
        or "composed of" in low
        or (" contain" in low and any(f"{form} contain" in low for form in _FORMS))
    )


def _is_panel(text: str, found: list[re.Match[str]], kinds: list[str]) -> bool:
    """The panel's shape: an ``Inactive ingredients`` heading; ``Active
    ingredient(s)`` with another panel heading; or a one-ingredient panel, an
    ``Active ingredient`` heading alone (with its Purpose column, or each
    active with its percentage and no other ingredient heading after it)."""
    if "inactive" in kinds:
        return True
    if "active" not in kinds:
        return False
    if len(set(kinds)) > 1 or any(m.group("header") for m in found):
        return True
    end = found[0].end()
    body = text[end:]
    return bool(DRUG_PERCENT.search(body)) and HEADING.search(body) is None


_NOT_GIVEN = "\x00 not given"  # read_drug_facts lowers the text itself


def read_drug_facts(
    text: str, notes: list[str], low: str | None = _NOT_GIVEN
) -> DrugFactsPanel | None:
    """The panel's ingredient sections, or None when the text is not a panel.

    Each active becomes an entry and its purpose is dropped; Uses, Warnings,
    Directions and the rest are skipped (and named in the notes). Lines with
    percentages before the first heading are actives printed without their
    heading. ``low``: ``common.lowered(text)`` when the caller has it."""
    # Plain substring tests before the pattern runs: this runs on every label.
    if low is _NOT_GIVEN:
        low = lowered(text)
    if low is not None and not _may_hold_ingredient_heading(low):
        return None
    if not (
        "ngredient" in text
        or "NGREDIENT" in text
        or "xcipient" in text
        or "XCIPIENT" in text
        or "ehicle" in text
        or "EHICLE" in text
        or "ase" in text  # "base", "Base"
        or "ASE" in text
        or "ontain" in text
        or "ONTAIN" in text
        or "onsisting" in text
        or "ONSISTING" in text
        or "ormulated" in text
        or "ORMULATED" in text
        or "ompos" in text
        or "OMPOS" in text
        or "ompris" in text
        or "OMPRIS" in text
    ):
        return None
    found = list(DRUG_FACTS.finditer(text))
    kinds = [next(k for k in _KINDS if m.group(k)) for m in found]
    if not _is_panel(text, found, kinds):
        return None
    actives: list[str] = []
    inactives: list[str] = []
    skipped: list[str] = []
    before = text[: found[0].start()].strip()
    # "Gel, 0.1%. Each gram contains: adapalene 0.1% (1 mg)": the actives
    # follow the last colon; the product's name before it is cut.
    head, colon, listed = before.rpartition(":")
    if not colon:
        # A package insert's sentence: "RETIN-A (tretinoin) Cream contains
        # tretinoin 0.025%": the actives follow the last "contains".
        # The last "contains" whose sentence names something: in "... contains
        # 0.5 mg of tazarotene in a white cream base. TAZORAC Cream contains" the
        # second is the inactive heading's.
        for word in reversed(list(_CONTAINS_WORD.finditer(before))):
            sentence = _SENTENCE_END.split(before[word.end() :], maxsplit=1)[0]
            if _LETTER.search(sentence):
                head, colon, listed = before[: word.start()], word.group(), sentence
                break
    contains = bool(colon) and (colon != ":" or _CONTAINS.search(head) is not None)
    if before and kinds[0] != "active" and (DRUG_PERCENT.search(before) or contains):
        if colon and _LETTER.search(listed):
            actives.extend(split_actives(listed))
            before = head + colon
        else:
            actives.extend(split_actives(before))
            before = ""
    unordered = False
    for index, (match, kind) in enumerate(zip(found, kinds, strict=True)):
        end = found[index + 1].start() if index + 1 < len(found) else len(text)
        body = text[match.end() : end].strip(" \t\n,;.")
        if index + 1 < len(kinds) and kinds[index + 1] == "inactive":
            body = _NO_BEFORE_HEADING.sub("", body)  # "... 100%. No inactive ingredients"
        # "Active ingredients" then "Purpose" as a table header: the actives follow.
        after_active = index > 0 and kinds[index - 1] == "active"
        if kind == "active" or (kind == "purpose" and after_active and not actives):
            actives.extend(split_actives(body))
        elif kind == "inactive":
            if body and not _NONE.match(body):  # "Inactive ingredients: none"
                inactives.append(body)
                heading = match.group("inactive").lower()
                unordered = unordered or not heading.startswith(("inactive", "other"))
        elif body:
            skipped.append(match.group(0).strip(" :：?"))
    if not actives and not inactives:
        return None
    read = [
        ("the active ingredients" if actives else ""),
        ("the inactive ones" if inactives else ""),
    ]
    notes.append(
        "Read a US Drug Facts panel: "
        + ", then ".join(r for r in read if r)
        + (f" (skipped: {', '.join(dict.fromkeys(skipped))})" if skipped else "")
        + "."
    )
    if before:
        notes.append(f"Cut text before the ingredient list: {preview(before)}")
    return DrugFactsPanel(tuple(actives), tuple(inactives), unordered)
