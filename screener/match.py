"""Resolve printed entries to database ingredients.

Order of attempts, per name (the printed name first, then its candidates: the
full printed form, parenthesised aliases, slash parts):

1. ``exact``   the folded name is a canonical curated INCI name;
2. ``alias``   the folded name is a recorded alias (US/EU/older INCI…);
3. ``common``  the folded name is a common or market name (common_names.csv):
   the ingredient it certainly names, or, for an ambiguous one ("Orchid
   Extract"), an inert stand-in naming the genus, with lowered confidence;
4. ``inventory`` the folded name is an EU inventory name no curated row
   covers: recognised, ``curated=False``, its rating unknown (never borrowed);
5. folded form: the name with all spacing and punctuation squeezed out, or its
   plural/singular, equals exactly one curated ingredient's (reported as
   ``alias``), else exactly one inventory name's (``inventory``);
6. ``family``  a long-tail naming family (families.py) recognises it;
7. ``fuzzy``   rapidfuzz's closest *curated* name above the cut-off (the
   inventory is never guessed at: more names must not make guesses looser),
   shown as a guess ("did you mean …?"), with guards that keep look-alikes
   apart: the digits must be identical, no word may swap a chemical suffix
   (Retinol/Retinal, Squalane/Squalene, Tocopherol/Tocopheryl), gain or lose
   the group ending "-yl" (Polyglyceryl-10/Polyglycerin-10), swap one short
   radical for another (Methyl/Menthyl), grow past a complete name
   (Neroli/Nerol, Citronella/Citronellal), gain a multiplier (Glycerides/
   Triglyceride) or change length by more than one letter;
8. ``fuzzy``   a name cut short (scraped catalogs truncate long names:
   ``Acrylates/C10-30 Alkyl``): when the printed words are the first words of
   exactly one ingredient's names, that ingredient is shown as a guess with the
   reason. Two words at least; a prefix shared by two ingredients stays unknown.

A form reviewed and left unknown on purpose (rules/unrecognised.csv) is never
read from the inventory nor guessed at. An entry nothing matches stays, with
``inci=None`` and kind ``unknown``. Results are cached per name: a catalog
repeats the same few thousand names.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA, Levenshtein

from .database import CommonName, Database, Ingredient
from .normalise import fold_name
from .read import ParsedEntry
from .vocabulary import MatchKind

#: Kinds an entry may stop at: a later candidate cannot name it better.
_SETTLED = ("exact", "alias")


@dataclass(frozen=True, slots=True)
class Match:
    ingredient: Ingredient | None
    kind: MatchKind
    confidence: float
    matched_name: str = ""
    family: str | None = None
    family_inci: str | None = None
    #: Why a guess was made, when it is not a spelling correction.
    reason: str = ""

    @property
    def inci(self) -> str | None:
        if self.ingredient is not None:
            return self.ingredient.inci
        return self.family_inci


UNKNOWN = Match(ingredient=None, kind="unknown", confidence=0.0)

_WORD_BREAK = re.compile(r"[\s/]+")
_SQUEEZE = re.compile(r"[^a-z0-9]+")
_DIGITS = re.compile(r"\d+")
# Word endings that name a different chemical when swapped for one another.
_SUFFIXES = tuple(
    sorted(
        ("ol", "al", "yl", "ane", "ene", "ine", "one", "ate", "ite", "ide", "eth", "ium", "ic"),
        key=len,
        reverse=True,
    )
)


def squeeze(key: str) -> str:
    return _SQUEEZE.sub("", key)


_TRAILING_NUMBER = re.compile(r"-?\d+$")


def _suffix(word: str) -> str | None:
    word = _TRAILING_NUMBER.sub("", word)  # "polyglyceryl-10" ends in -yl
    for suffix in _SUFFIXES:
        if word.endswith(suffix):
            return suffix
    return None


_MULTIPLIERS = ("mono", "di", "tri", "tetra", "penta", "hexa", "poly", "bis", "iso", "neo")


def _changes_multiplier(q: str, c: str) -> bool:
    """One word is the other with a multiplying prefix: "glycerides" and
    "triglyceride", "caprylate" and "dicaprylate" name different esters."""
    q, c = q.removesuffix("s"), c.removesuffix("s")
    short, long_ = (q, c) if len(q) < len(c) else (c, q)
    return any(long_ == prefix + short for prefix in _MULTIPLIERS)


def _changes_ending(q: str, c: str) -> bool:
    """One word is the other with letters added at the end, and the ending
    changes what it names: "neroli"/"nerol", "citronella"/"citronellal"."""
    short, long_ = (q, c) if len(q) < len(c) else (c, q)
    if not long_.startswith(short) or short == long_:
        return False
    extra = long_[len(short) :]
    # A dropped final "e", a doubled last letter, or one letter lost from a long
    # word ("phenoxyethano") is a typo; "neroli" and "citronella" are words.
    if extra == "e" or extra == short[-1:] or (len(extra) == 1 and len(short) >= 11):
        return False
    return _suffix(short) != _suffix(long_)


def safe_guess(query: str, candidate: str) -> bool:
    """A fuzzy guess may only fix spelling, never change the substance."""
    if _DIGITS.findall(query) != _DIGITS.findall(candidate):
        return False
    q_words, c_words = query.split(), candidate.split()
    if len(q_words) != len(c_words):
        return False
    for q, c in zip(q_words, c_words, strict=True):
        if q == c:
            continue
        qs, cs = _suffix(q), _suffix(c)
        if qs and cs and qs != cs:
            return False
        # "-yl" names a group (an ester's or ether's part), not a substance:
        # Polyglyceryl-10 (an ester, cut short) is not Polyglycerin-10.
        if (qs == "yl") != (cs == "yl"):
            return False
        # Short "-yl" words are radicals, one letter apart: methyl/menthyl/ethyl.
        if qs == cs == "yl" and max(len(q), len(c)) <= 8:
            return False
        if _changes_ending(q, c) or _changes_multiplier(q, c):
            return False
        # A typo drops, adds or swaps a letter; a word that grows or shrinks by
        # more is another ingredient ("dicaprylate" is not "dicaprate",
        # "glucuronolactone" not "gluconolactone").
        if abs(len(q) - len(c)) > 1:
            return False
        # A short word needs to be near-identical: "retinal" is not "retinol";
        # a long one may carry a typo per six letters, not another fatty chain
        # ("stearamidopropyl" is not "linoleamidopropyl", "polyether" not "polyester").
        if len(c) <= 8 and Levenshtein.distance(q, c) > 1:
            return False
        if OSA.distance(q, c) > max(1, len(c) // 6):
            return False
    return True


class Matcher:
    """Match names against one database, with caches and a fuzzy index."""

    def __init__(self, db: Database, families: Any | None = None) -> None:
        self.db = db
        self.families = families
        cfg = db.severity.get("match", {})
        self.cutoff = float(cfg.get("fuzzy_cutoff", 90))
        self.min_length = int(cfg.get("fuzzy_min_length", 6))
        self.confidence = {
            "exact": float(cfg.get("exact", 1.0)),
            "alias": float(cfg.get("alias", 0.98)),
            "plural": float(cfg.get("plural", 0.95)),
            "family": float(cfg.get("family", 0.8)),
            "common": float(cfg.get("common", 0.9)),
            "common_ambiguous": float(cfg.get("common_ambiguous", 0.5)),
            "inventory": float(cfg.get("inventory", 0.95)),
        }
        self.fuzzy_scale = float(cfg.get("fuzzy_scale", 0.7))
        self.completion_confidence = float(cfg.get("completion", 0.5))
        squeezed: dict[str, Ingredient | None] = {}
        for key, (ingredient, _kind) in db.by_key.items():
            sq = squeeze(key)
            if sq in squeezed and squeezed[sq] is not ingredient:
                squeezed[sq] = None  # ambiguous: never guess between two
            else:
                squeezed.setdefault(sq, ingredient)
        self.squeezed = {k: v for k, v in squeezed.items() if v is not None}
        #: every squeezed name, ambiguous ones included (repair.py's cheap pre-checks)
        self.all_squeezed = frozenset(squeezed) | frozenset(db.inventory.squeezed)
        self.choices = list(db.by_key)
        self.sorted_keys = sorted(db.by_key)
        self._name_cache: dict[str, Match] = {}
        self._entry_cache: dict[tuple[str, tuple[str, ...]], Match] = {}
        #: repair.py's answers per printed text (a catalog repeats its damaged entries).
        self.repair_cache: dict[tuple[str | None, ...], object] = {}

    # -- single names ---------------------------------------------------------

    def _direct(self, key: str) -> Match | None:
        hit = self.db.by_key.get(key)
        if hit:
            ingredient, kind = hit
            return Match(ingredient, kind, self.confidence[kind], key)  # type: ignore[arg-type]
        common = self.db.common.get(key)
        if common is not None:
            return self._common(common, key)
        reviewed = key in self.db.unrecognised
        if not reviewed and key in self.db.inventory:
            return self._inventory(key, key)
        sq = squeeze(key)
        found = self.squeezed.get(sq)
        if found is None:
            for variant in number_variants(sq):
                found = self.squeezed.get(variant)
                if found is not None:
                    break
        if found is not None:
            kind = "exact" if squeeze(fold_name(found.inci)) == sq else "alias"
            conf = self.confidence[kind] if kind == "exact" else self.confidence["plural"]
            return Match(found, kind, conf, key)  # type: ignore[arg-type]
        if reviewed:
            return None
        for variant in (sq, *number_variants(sq)):
            inventory_key = self.db.inventory.by_squeezed(variant)
            if inventory_key is not None:
                return self._inventory(inventory_key, key)
        return None

    def _inventory(self, inventory_key: str, key: str) -> Match:
        ingredient = self.db.inventory.ingredient(inventory_key)
        return Match(ingredient, "inventory", self.confidence["inventory"], key)

    def _common(self, common: CommonName, key: str) -> Match:
        row = common.row
        if common.ingredient is not None:
            return Match(
                common.ingredient,
                "common",
                self.confidence["common"],
                key,
                reason=f"{row.name!r} is a common name for {common.ingredient.inci}",
            )
        return Match(
            common.stand_in,
            "common",
            self.confidence["common_ambiguous"],
            key,
            family=row.inci,
            family_inci=common.stand_in.inci if common.stand_in else None,
            reason=f"{row.name!r} does not say which {row.inci} it is: {row.note}",
        )

    def _fuzzy(self, key: str) -> Match | None:
        if len(key) < self.min_length or not self.choices:
            return None
        found = process.extract(
            key, self.choices, scorer=fuzz.ratio, score_cutoff=self.cutoff, limit=3
        )
        for choice, score, _index in found:
            if safe_guess(key, choice):
                ingredient = self.db.by_key[choice][0]
                return Match(ingredient, "fuzzy", round(score / 100 * self.fuzzy_scale, 3), key)
        return None

    def _completion(self, key: str, printed: str) -> Match | None:
        """The one ingredient whose name begins with these whole words, if any.

        Two printed words at least (folding may glue "3-Cyclohexene" to its
        neighbour): one word ("Sodium", "C12-15") begins too many names."""
        if len(_WORD_BREAK.split(printed.strip())) < 2 or len(key) < self.min_length:
            return None
        found: dict[int, Ingredient] = {}
        keys = self.sorted_keys
        for boundary in (" ", "/"):
            prefix = key + boundary
            for index in range(bisect_left(keys, prefix), len(keys)):
                name = keys[index]
                if not name.startswith(prefix):
                    break
                ingredient = self.db.by_key[name][0]
                found[id(ingredient)] = ingredient
                if len(found) > 1:
                    return None
        if len(found) != 1:
            return None
        ingredient = next(iter(found.values()))
        return Match(
            ingredient,
            "fuzzy",
            self.completion_confidence,
            key,
            reason="the name looks cut short",
        )

    def match_name(self, name: str, *, allow_fuzzy: bool = True) -> Match:
        key = fold_name(name)
        cache_key = key if allow_fuzzy else "\x00" + key
        cached = self._name_cache.get(cache_key)
        if cached is not None:
            return cached
        result = self._direct(key) if key else None
        if result is None and key and self.families is not None:
            result = self.families.match(name, key)
        # A form reviewed and left unknown on purpose is never guessed at.
        if result is None and key and allow_fuzzy and key not in self.db.unrecognised:
            result = self._fuzzy(key) or self._completion(key, name)
        result = result or UNKNOWN
        if len(self._name_cache) < 500_000:
            self._name_cache[cache_key] = result
        return result

    # -- entries --------------------------------------------------------------

    def match_entry(self, entry: ParsedEntry) -> Match:
        cache_key = (entry.name, entry.candidates)
        cached = self._entry_cache.get(cache_key)
        if cached is not None:
            return cached
        result = self._match_entry(entry)
        if len(self._entry_cache) < 500_000:
            self._entry_cache[cache_key] = result
        return result

    def _match_entry(self, entry: ParsedEntry) -> Match:
        names = [entry.name, *entry.candidates]
        guesses: list[Match] = []
        for index, name in enumerate(n for n in names if n):
            found = self.match_name(name, allow_fuzzy=index == 0)
            if found.kind in _SETTLED:
                return found
            if found.kind == "inventory" and index > 0 and is_part(name, entry.name):
                continue
            if found.kind != "unknown":
                guesses.append(found)
        if guesses:
            return max(guesses, key=lambda m: m.confidence)
        return UNKNOWN


_SLASH = re.compile(r"\s*[/\\]\s*")


def is_part(candidate: str, name: str) -> bool:
    """A parenthesised or slash part of an entry, not a form of the whole entry.

    The inventory holds many names that are also fragments of longer ones
    (``Styrene``, ``PPG-16``, ``Algae``): read from a part, they would name
    something the label did not (``Styrene/Acrylates`` cut short is not
    Styrene; ``Gelidiella Acerosa (Algae) Extract`` is not Algae). Whole forms
    are the full printed form (it keeps its parentheses) and the name with a
    quality word or a flattened footnote taken off (a piece of the name that is
    not a slash part)."""
    if "(" in candidate or "[" in candidate:
        return False
    folded, whole = fold_name(candidate), fold_name(name)
    if folded not in whole:
        return True  # a parenthesised part: "(Algae)"
    return ("/" in name or "\\" in name) and candidate.strip() in _SLASH.split(name)


def number_variants(sq: str) -> list[str]:
    """Plural/singular of the last word: ``ironoxide`` ↔ ``ironoxides``."""
    out = []
    if sq.endswith("es"):
        out += [sq[:-1], sq[:-2]]
    elif sq.endswith("s"):
        out.append(sq[:-1])
    else:
        out += [sq + "s", sq + "es"]
    return out
