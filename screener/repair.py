"""Repair entries a label, or the tool that copied it, broke apart or ran together.

Two damages are common on real labels and in scraped catalogs, and both are
only visible once names have been matched:

- **A name split at a comma or a line break**: ``1, 2-Hexanediol`` printed as
  ``1, 2 Hexanediol``; ``Ethylhexyl`` / ``Salicylate`` on two lines. Two
  neighbouring entries are joined when at least one of them is unknown or only
  guessed on its own and, joined, they are exactly one ingredient of the
  database (exact or alias; never a fuzzy guess or a family), and not one a
  recognised half already is.
- **A missing comma**: ``Water Glycerin``. An unknown entry is cut into
  consecutive pieces that are each a database ingredient (exact or alias, or a
  plant by the botanical naming convention), covering every word; at least two
  pieces and one exact or alias piece. Readings with fewer botanical-family
  pieces win, then readings with fewer pieces; a tie leaves the entry unknown.

Each repair is reported in the notes, so the reader sees what was changed.
Nothing is repaired when any reading is ambiguous: the entry stays unknown.
The work is bounded (cheap set look-ups before any matching, and at most
``MAX_SPLIT_TRIES`` spans per entry, ``MAX_SPLITS_PER_LIST`` entries per list),
so a pasted page of unknown words stays fast. Fuzzy matching and cut-short
names are handled by match.py, not here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from itertools import compress
from operator import attrgetter
from typing import TypeVar

from .match import Match, Matcher, number_variants, squeeze
from .normalise import fold_name
from .read import read_entry

#: Only entries this short are tried for a missing comma (each word span is
#: matched once, so the work grows with the square of the word count).
MAX_SPLIT_WORDS = 24
#: Spans actually matched per entry, and entries tried per list, at most: a
#: pasted page of unknown words must not cost more than a fraction of a second.
MAX_SPLIT_TRIES = 64
MAX_SPLITS_PER_LIST = 40
_RECOGNISED = ("exact", "alias", "common", "inventory")


#: Read-only by convention; not frozen because a repaired list builds one per
#: entry (a frozen dataclass's __init__ costs about four times as much).
@dataclass(slots=True)
class Piece:
    """One entry after repair: which input entries it came from, as printed."""

    sources: tuple[int, ...]
    text: str
    match: Match


_MISSING = object()
_CACHE_LIMIT = 200_000
_T = TypeVar("_T")


def _remembered(matcher: Matcher, key: tuple[str | None, ...], compute: Callable[[], _T]) -> _T:
    """``compute()``, remembered in the matcher's repair cache under ``key``
    (which holds everything ``compute`` reads)."""
    cache = matcher.repair_cache
    found = cache.get(key, _MISSING)
    if found is _MISSING:
        if len(cache) > _CACHE_LIMIT:
            cache.clear()
        found = cache[key] = compute()
    return found  # type: ignore[return-value]


def _cached(matcher: Matcher, compute: Callable[[str, Matcher], _T], text: str) -> _T:
    """``compute(text, matcher)``, remembered per function and printed text (a
    catalog repeats its damaged entries and their neighbours)."""
    return _remembered(matcher, (compute.__name__, text), partial(compute, text, matcher))


def exact_match(text: str, matcher: Matcher, *, families: bool = False) -> Match | None:
    """Cached ``_exact_match``."""
    return _cached(matcher, _exact_or_family if families else _exact_only, text)


def _exact_only(text: str, matcher: Matcher) -> Match | None:
    return _exact_match(text, matcher, families=False)


def _exact_or_family(text: str, matcher: Matcher) -> Match | None:
    return _exact_match(text, matcher, families=True)


def _exact_match(text: str, matcher: Matcher, *, families: bool) -> Match | None:
    """The database ingredient this whole printed text names, without guessing.

    Only the text itself and its name without the parenthesised parts are tried
    (``Rosa Canina (Rose Hip) Fruit Oil`` → ``Rosa Canina Fruit Oil``), never a
    parenthesised or slash part alone: joined to a neighbour, ``Titanium Dioxide
    (CI 77891)`` must not make ``Heilmoor Clay Titanium Dioxide`` read as it.
    """
    read = read_entry(text)
    if read is None:
        return None
    best: Match | None = None
    for candidate in dict.fromkeys((text, read[1])):
        if not candidate:
            continue
        found = matcher.match_name(candidate, allow_fuzzy=False)
        if found.kind in _RECOGNISED:
            return found
        # Only a botanical naming family is trusted as one piece of a run: the
        # other families (salts, "Copper Complex") are too broad to cut by.
        if families and best is None and (found.family or "").startswith("botanical"):
            best = found
    return best


_SLASH = re.compile(r"\s*[/\\]\s*")


def split_slash_list(name: str, matcher: Matcher) -> tuple[str, ...] | None:
    """The parts of a list printed with slashes ("Water / Glycerin / Niacinamide"),
    or None when the slashes join synonyms ("Aqua/Water/Eau") or one name
    ("Caprylic/Capric Triglyceride").

    Split only when the whole is no database name and at least two parts are
    different database ingredients: synonyms name one ingredient, so two
    different ones are two entries (a whole printed as one was hiding the rest)."""
    if "/" not in name and "\\" not in name:
        return None
    return _cached(matcher, _split_slash_list, name)


def _split_slash_list(name: str, matcher: Matcher) -> tuple[str, ...] | None:
    parts = [p.strip() for p in _SLASH.split(name) if p.strip()]
    if len(parts) < 2 or exact_match(name, matcher) is not None:
        return None
    named = {found.inci for part in parts if (found := exact_match(part, matcher)) is not None}
    return tuple(parts) if len(named) >= 2 else None


#: Words that end a botanical INCI name (repair trusts only botanical families).
_PREPARATIONS = frozenset(
    "extract oil water juice butter wax cera powder ferment filtrate lysate distillate "
    "unsaponifiables gum resin sap".split()
)


def _inside_parentheses(words: list[str]) -> list[bool]:
    out = []
    depth = 0
    for word in words:
        depth += word.count("(")
        out.append(depth > 0)
        depth = max(0, depth - word.count(")"))
    return out


def _may_name(
    squeezed: list[str], inside: list[bool], start: int, end: int, matcher: Matcher
) -> bool:
    names = matcher.all_squeezed
    for key in (
        "".join(squeezed[start:end]),
        "".join(
            s for s, paren in zip(squeezed[start:end], inside[start:end], strict=True) if not paren
        ),
    ):
        if key and (key in names or any(v in names for v in number_variants(key))):
            return True
    return False


def _balanced(text: str) -> bool:
    return text.count("(") == text.count(")") and text.count("[") == text.count("]")


def split_run_together(text: str, matcher: Matcher) -> list[tuple[str, Match]] | None:
    """Cached ``_split_run_together``."""
    return _cached(matcher, _split_run_together, text)


def _split_run_together(text: str, matcher: Matcher) -> list[tuple[str, Match]] | None:
    """An unknown entry read as several ingredients missing their commas.

    Returns the pieces (printed text, match), or None when no complete reading
    exists, when the fewest-pieces reading is not unique, or when the entry is
    too long to try.
    """
    words = text.split()
    count = len(words)
    if count < 2 or count > MAX_SPLIT_WORDS:
        return None
    # best[j]: (family pieces, pieces, split points) for words[:j]: a reading by
    # exact or alias names beats one that leans on a naming family, then the
    # fewest pieces win. ambiguous[j]: a tie we cannot break.
    best: list[tuple[int, int, tuple[int, ...]] | None] = [None] * (count + 1)
    ambiguous = [False] * (count + 1)
    best[0] = (0, 0, ())
    matches: dict[tuple[int, int], Match] = {}
    # Cheap pre-checks, so a long run of unknown words costs set look-ups, not
    # matching: a span can be a name only if its squeezed words (all, or those
    # outside parentheses) are a squeezed database name, and a plant only if it
    # ends with a preparation word.
    squeezed = [squeeze(fold_name(w)) for w in words]
    inside = _inside_parentheses(words)
    tries = 0
    for end in range(1, count + 1):
        for start in range(end):
            prior = best[start]
            if prior is None:
                continue
            plant = (
                3 <= end - start <= 8 and words[end - 1].strip("*.,;)").casefold() in _PREPARATIONS
            )
            if not plant and not _may_name(squeezed, inside, start, end, matcher):
                continue
            tries += 1
            if tries > MAX_SPLIT_TRIES:
                return None
            span = " ".join(words[start:end])
            if not _balanced(span) or span[0] in "([":
                continue
            found = exact_match(span, matcher, families=True)
            if found is None:
                continue
            matches[(start, end)] = found
            option = (
                prior[0] + (found.kind not in _RECOGNISED),
                prior[1] + 1,
                (*prior[2], end),
            )
            current = best[end]
            if current is None or option[:2] < current[:2]:
                best[end] = option
                ambiguous[end] = ambiguous[start]
            elif option[:2] == current[:2]:
                ambiguous[end] = True
    final = best[count]
    if final is None or final[1] < 2 or ambiguous[count] or final[0] == final[1]:
        return None
    pieces = []
    start = 0
    for end in final[2]:
        pieces.append((" ".join(words[start:end]), matches[(start, end)]))
        start = end
    return pieces


_WEAK_KINDS = frozenset(("unknown", "fuzzy"))
_KIND = attrgetter("kind")


def _weak(match: Match) -> bool:
    """Unknown, or only a guess: such an entry may be half of a split name."""
    return match.kind in _WEAK_KINDS


def _squeezed_forms(text: str, matcher: Matcher) -> tuple[str, ...]:
    """The text squeezed (match.squeeze of its folded form), as printed and
    without its parenthesised parts; cached per printed text."""
    return _cached(matcher, _compute_squeezed_forms, text)


def _compute_squeezed_forms(text: str, matcher: Matcher) -> tuple[str, ...]:
    read = read_entry(text)
    forms = (text, read[1]) if read else (text,)
    return tuple(dict.fromkeys(squeeze(fold_name(f)) for f in forms if f))


def _could_join(text: str, following: str, matcher: Matcher) -> bool:
    """A cheap test before a join is tried: an exact or alias match of the joined
    text needs its squeezed form (or that form's plural/singular) to be a
    squeezed database name, and squeezing joins parts by plain concatenation."""
    names = matcher.all_squeezed
    for head in _squeezed_forms(text, matcher):
        for tail in _squeezed_forms(following, matcher):
            joined = head + tail
            if joined in names or any(v in names for v in number_variants(joined)):
                return True
    return False


def _join(
    text: str, match: Match, following: str, following_match: Match, matcher: Matcher
) -> Match | None:
    """The one ingredient two neighbours name together, if they are a split name
    (remembered per pair: a catalog repeats its damaged neighbours, shuffled or not)."""
    if not (_weak(match) or _weak(following_match)):
        return None
    return _remembered(
        matcher,
        (text, match.kind, match.inci, following, following_match.kind, following_match.inci),
        partial(_joined, text, match, following, following_match, matcher),
    )


def _joined(
    text: str, match: Match, following: str, following_match: Match, matcher: Matcher
) -> Match | None:
    if not _could_join(text, following, matcher):
        return None
    # Both "1, 2-Hexanediol" and "Ethylhexyl Salicylate" squeeze to one key.
    joined = exact_match(f"{text} {following}", matcher)
    # Never into a name one half already is ("Oleanolic Acid" + "/"); a half that
    # was only guessed may be confirmed ("Hydroxyisohexyl 3-Cyclohexene" + "Carboxaldehyde").
    for part in (match, following_match):
        if not _weak(part) and joined is not None and joined.ingredient is part.ingredient:
            return None
    return joined


def repair(
    texts: Sequence[str], matches: Sequence[Match], matcher: Matcher
) -> tuple[list[Piece], list[str]] | None:
    """Entries (printed text, match) → repaired pieces, plus a note per repair.

    None when nothing needs repair (the usual case, checked first and cheaply:
    only the neighbours of unknown or guessed entries are looked at).
    """
    count = len(texts)
    # Found in C (map, compress): a list has ~30 entries and one or two weak ones.
    weak = list(compress(range(count), map(_WEAK_KINDS.__contains__, map(_KIND, matches))))
    if not weak:
        return None
    unknown = [i for i in weak if matches[i].kind == "unknown"][:MAX_SPLITS_PER_LIST]
    if not any(
        (i > 0 and _join(texts[i - 1], matches[i - 1], texts[i], matches[i], matcher))
        or (i + 1 < count and _join(texts[i], matches[i], texts[i + 1], matches[i + 1], matcher))
        for i in weak
    ) and not any(split_run_together(texts[i], matcher) for i in unknown):
        return None
    pieces: list[Piece] = []
    notes: list[str] = []
    splits_left = MAX_SPLITS_PER_LIST
    index = 0
    while index < count:
        text, match = texts[index], matches[index]
        if index + 1 < count:
            following = texts[index + 1]
            joined = _join(text, match, following, matches[index + 1], matcher)
            if joined is not None:
                pieces.append(Piece((index, index + 1), f"{text}, {following}", joined))
                notes.append(
                    f"'{text}' and '{following}' read as one ingredient, {joined.inci}: "
                    "the name seems to have been split at a comma or a line break."
                )
                index += 2
                continue
        if match.kind == "unknown" and splits_left > 0:
            splits_left -= 1
            split = split_run_together(text, matcher)
            if split is not None:
                for part, part_match in split:
                    pieces.append(Piece((index,), part, part_match))
                notes.append(
                    f"'{text}' read as {len(split)} ingredients ("
                    + ", ".join(str(m.inci) for _p, m in split)
                    + "): the label seems to be missing a comma."
                )
                index += 1
                continue
        pieces.append(Piece((index,), text, match))
        index += 1
    return pieces, notes
