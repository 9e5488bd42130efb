"""Malassezia growth rules (kind ``fungal-acne``, issue 16).

Malassezia yeasts are lipid-dependent: in vitro they grow on fatty acids, their
esters and fatty alcohols whose chain is longer than 12 carbons, and not on
shorter chains, paraffins, silicones, PEGs or fatty alcohol ethers (Dobler et al.
2019); some species grow on polysorbates (the Tween assimilation test). The
rules are data (``rules/fungal_acne.csv``) over the lipid class and chain length
of each ingredient (``rules/fatty_chains.csv``, or for an unlisted name its INCI
word pattern from ``rules/fatty_name_parts.csv``). An ingredient no rule covers
gives no hit: the screen says nothing rather than guess.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator, model_validator

from ..database import Database, load_database
from ._tables import (
    TableRow,
    check_sources,
    load_settings,
    load_table,
    raise_if,
    resolve_inci,
    split_sources,
)

Effect = Literal["supports_growth", "inhibits", "no_effect", "unknown"]
Evidence = Literal["in_vitro", "clinical", "review", "expert_opinion"]

LIPID_KINDS: frozenset[str] = frozenset(
    """fatty_acid ester fatty_alcohol branched_alcohol glyceride triglyceride plant_oil
    wax_ester sorbitan_ester polysorbate peg_ester alkyl_ether peg hydrocarbon silicone
    hydroxy_ester fatty_acid_salt phospholipid sterol""".split()
)
#: when several class rules overlap one ingredient the strongest effect wins
EFFECT_RANK: dict[str, int] = {"no_effect": 0, "inhibits": 1, "unknown": 2, "supports_growth": 3}

_CHAIN = re.compile(r"^(\d{1,2})(?::\d)?(?:-(\d{1,2})(?::\d)?)?$")
_ETH = re.compile(r"^([a-z]+eth)-?\d*$")
#: "C14-22 Alcohols": a cut of linear fatty alcohols (INCI names the carbon range)
_ALCOHOL_CUT = re.compile(r"^c(\d{1,2})-(\d{1,2}) alcohols?$")
_MULTIPLIERS = ("sesqui", "tetra", "tri", "di")
_CATIONS = frozenset(
    "sodium potassium calcium magnesium zinc aluminum ammonium lithium tea triethanolamine".split()
)


def parse_chain(text: str) -> tuple[int, int] | None:
    """``"16"`` → (16, 16); ``"16-18"`` → (16, 18); ``"18:1"`` → (18, 18); ``""`` → None."""
    text = text.strip()
    if not text:
        return None
    m = _CHAIN.match(text)
    if not m:
        raise ValueError(f"chain length {text!r} must look like 16, 18:1 or 16-18")
    low, high = int(m.group(1)), int(m.group(2) or m.group(1))
    if low > high or low < 1:
        raise ValueError(f"chain length {text!r} is not a range of carbons")
    return low, high


def _check_chain(value: str) -> str:
    parse_chain(value)
    return value


def _check_kind(value: str) -> str:
    if value and value not in LIPID_KINDS:
        raise ValueError(f"kind {value!r} is not one of {sorted(LIPID_KINDS)}")
    return value


class ChainRow(TableRow):
    inci: str = Field(min_length=1)
    chain_length: str = ""
    kind: str = Field(min_length=1)
    major_fatty_acids: str = ""
    sources: list[str] = Field(min_length=1)
    note: str = ""

    _semi = field_validator("sources", mode="before")(split_sources)
    _chain = field_validator("chain_length")(_check_chain)
    _kind = field_validator("kind")(_check_kind)


class NamePartRow(TableRow):
    part: str = Field(min_length=2)
    position: Literal["first", "last", "eth", "contains"]
    chain_length: str = ""
    kind: str = ""
    sources: list[str] = Field(min_length=1)
    note: str = ""

    _semi = field_validator("sources", mode="before")(split_sources)
    _chain = field_validator("chain_length")(_check_chain)
    _kind = field_validator("kind")(_check_kind)


class FungalRule(TableRow):
    id: str = Field(pattern=r"^[A-Z]{1,4}\d{1,3}$")
    selector: str = Field(pattern=r"^(kind|inci):.+$")
    chain_min: int | None = Field(default=None, ge=1, le=60)
    chain_max: int | None = Field(default=None, ge=1, le=60)
    effect: Effect
    evidence: Evidence
    severity_in_context: Literal["info", "caution", "avoid"]
    reason: str = Field(min_length=10)
    sources: list[str] = Field(min_length=1)

    _semi = field_validator("sources", mode="before")(split_sources)

    @field_validator("chain_min", "chain_max", mode="before")
    @classmethod
    def _blank(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @model_validator(mode="after")
    def _range(self) -> FungalRule:
        if self.chain_min and self.chain_max and self.chain_min > self.chain_max:
            raise ValueError("chain_min is above chain_max")
        return self

    @property
    def kind(self) -> str:
        return self.selector.partition(":")[0]

    @property
    def values(self) -> tuple[str, ...]:
        return tuple(v.strip() for v in self.selector.partition(":")[2].split("|") if v.strip())

    def overlaps(self, chain: tuple[int, int] | None) -> bool:
        if self.chain_min is None and self.chain_max is None:
            return True
        if chain is None:
            return False
        low = self.chain_min if self.chain_min is not None else 0
        high = self.chain_max if self.chain_max is not None else 10**3
        return chain[0] <= high and chain[1] >= low


@dataclass(frozen=True)
class LipidProfile:
    """What the rules know of one ingredient: its lipid class and chain range."""

    inci: str
    kind: str
    chain: tuple[int, int] | None
    chain_text: str
    basis: Literal["table", "name"]


@dataclass(frozen=True)
class FungalHit:
    inci: str
    rule: str
    effect: Effect
    evidence: Evidence
    severity: str
    chain_length: str | None
    kind: str
    basis: Literal["table", "name"]
    sources: tuple[str, ...]
    reason: str


@dataclass(frozen=True)
class FungalTable:
    profiles: dict[str, LipidProfile]
    rules: tuple[FungalRule, ...]
    by_inci_rule: dict[str, FungalRule]
    first_parts: dict[str, tuple[int, int]]
    last_parts: dict[str, tuple[tuple[int, int], str]]
    eth_parts: dict[str, tuple[tuple[int, int], str]]
    contains_parts: tuple[tuple[str, str], ...] = ()

    def profile(self, name: str, db: Database) -> LipidProfile | None:
        """The listed profile of an ingredient, else one read from its INCI words."""
        ing = db.get(name)
        inci = ing.inci if ing is not None else " ".join(name.split())
        listed = self.profiles.get(inci)
        if listed is not None:
            return listed
        return self._from_name(inci)

    def _from_name(self, inci: str) -> LipidProfile | None:
        words = inci.casefold().split()
        if not words:
            return None
        folded = " ".join(words)
        for part, kind in self.contains_parts:
            if part in folded:
                return LipidProfile(inci, kind, None, "", "name")
        mixture = _ALCOHOL_CUT.match(folded)
        if mixture:
            chain = (int(mixture.group(1)), int(mixture.group(2)))
            return LipidProfile(inci, "fatty_alcohol", chain, _text(chain), "name")
        eth = _ETH.match(words[0])
        if len(words) == 1 and eth and eth.group(1) in self.eth_parts:
            chain, kind = self.eth_parts[eth.group(1)]
            return LipidProfile(inci, kind, chain, _text(chain), "name")
        if len(words) == 2 and words[1] == "alcohol" and words[0] in self.first_parts:
            chain = self.first_parts[words[0]]
            return LipidProfile(inci, "fatty_alcohol", chain, _text(chain), "name")
        last = self._acyl(words[-1])
        if last is None and len(words) >= 3:
            last = self.last_parts.get(" ".join(words[-2:]))
        if last is None or len(words) < 2:
            return None
        chain, kind = last
        first = words[0]
        if first in self.first_parts:
            alcohol = self.first_parts[first]
            chain = (min(chain[0], alcohol[0]), max(chain[1], alcohol[1]))
        if first == "sorbitan":
            kind = "sorbitan_ester"
        elif first == "glyceryl" and kind == "ester":
            kind = "glyceride"
        elif re.match(r"^(peg|ppg)(-|/|\d)", first):
            kind = "peg_ester"
        elif first in _CATIONS and len(words) == 2:
            kind = "fatty_acid_salt"
        return LipidProfile(inci, kind, chain, _text(chain), "name")

    def _acyl(self, word: str) -> tuple[tuple[int, int], str] | None:
        """``stearate``, also ``distearate``/``sesquioleate``/``trioleate`` (several acyl groups)."""
        found = self.last_parts.get(word)
        for prefix in _MULTIPLIERS:
            if found is None and word.startswith(prefix):
                found = self.last_parts.get(word.removeprefix(prefix))
        return found

    def decide(self, profile: LipidProfile) -> FungalRule | None:
        specific = self.by_inci_rule.get(profile.inci)
        if specific is not None:
            return specific
        candidates = [
            r
            for r in self.rules
            if r.kind == "kind" and profile.kind in r.values and r.overlaps(profile.chain)
        ]
        if not candidates:
            return None
        return max(candidates, key=lambda r: EFFECT_RANK[r.effect])


def _text(chain: tuple[int, int] | None) -> str:
    if chain is None:
        return ""
    return str(chain[0]) if chain[0] == chain[1] else f"{chain[0]}-{chain[1]}"


def load_fungal(root: Path | None = None, db: Database | None = None) -> FungalTable:
    """Load and validate the fatty-chain and Malassezia rule tables (errors name file and row)."""
    db = db if db is not None else load_database(root)
    root = Path(root) if root is not None else db.path
    problems: list[str] = []
    profiles: dict[str, LipidProfile] = {}
    for label, number, row in load_table(root, "fatty_chains.csv", ChainRow, problems):
        check_sources(db, label, number, row.sources, problems)
        inci = resolve_inci(db, label, number, row.inci, problems)
        if inci is None:
            continue
        if inci in profiles:
            problems.append(f"{label} row {number}: {inci!r} has two rows")
        chain = parse_chain(row.chain_length)
        profiles[inci] = LipidProfile(inci, row.kind, chain, row.chain_length, "table")
    first: dict[str, tuple[int, int]] = {}
    last: dict[str, tuple[tuple[int, int], str]] = {}
    eth: dict[str, tuple[tuple[int, int], str]] = {}
    contains: list[tuple[str, str]] = []
    for label, number, prow in load_table(root, "fatty_name_parts.csv", NamePartRow, problems):
        check_sources(db, label, number, prow.sources, problems)
        part = prow.part.casefold()
        if prow.position == "contains":
            if not prow.kind or prow.chain_length:
                problems.append(f"{label} row {number}: a 'contains' part has a kind and no chain")
            else:
                contains.append((part, prow.kind))
            continue
        chain = parse_chain(prow.chain_length)
        if chain is None:
            problems.append(f"{label} row {number}: a {prow.position!r} part needs a chain_length")
            continue
        if prow.position == "first":
            first[part] = chain
        elif not prow.kind:
            problems.append(f"{label} row {number}: a {prow.position!r} part needs a kind")
        elif prow.position == "last":
            last[part] = (chain, prow.kind)
        else:
            eth[part] = (chain, prow.kind)
    rules: list[FungalRule] = []
    by_inci_rule: dict[str, FungalRule] = {}
    for label, number, rule in load_table(root, "fungal_acne.csv", FungalRule, problems):
        check_sources(db, label, number, rule.sources, problems)
        if any(r.id == rule.id for r in rules):
            problems.append(f"{label} row {number}: rule id {rule.id!r} is defined twice")
        if rule.kind == "kind":
            bad = [v for v in rule.values if v not in LIPID_KINDS]
            if bad:
                problems.append(f"{label} row {number}: unknown kind(s) {bad} in {rule.selector!r}")
        else:
            for name in rule.values:
                inci = resolve_inci(db, label, number, name, problems)
                if inci is not None:
                    if inci in by_inci_rule:
                        problems.append(
                            f"{label} row {number}: {inci!r} already has rule {by_inci_rule[inci].id}"
                        )
                    by_inci_rule[inci] = rule
        rules.append(rule)
    settings = load_settings(root, problems).get("fungal", {})
    for sid in settings.get("sources", ()):
        if sid not in db.sources:
            problems.append(f"rules/kinds.toml [fungal]: source id {sid!r} is not in bibliography/")
    raise_if(problems)
    return FungalTable(profiles, tuple(rules), by_inci_rule, first, last, eth, tuple(contains))


@lru_cache(maxsize=4)
def _cached(db: Database) -> FungalTable:
    return load_fungal(db.path, db)


def fungal_table(db: Database) -> FungalTable:
    """The Malassezia tables of ``db``'s folder (cached per database object)."""
    return _cached(db)


def fungal_hits(
    ingredient_incis: Sequence[str], db: Database, table: FungalTable | None = None
) -> list[FungalHit]:
    """The Malassezia rule that decides each lipid ingredient of a list.

    One hit per ingredient a rule covers, in list order, with the effect
    (``supports_growth``, ``inhibits``, ``no_effect`` or ``unknown``), the
    evidence grade, the chain length used and whether it came from the table
    or was read from the INCI name. Ingredients no rule covers give no hit.
    """
    table = table if table is not None else fungal_table(db)
    hits: list[FungalHit] = []
    seen: set[str] = set()
    for name in ingredient_incis:
        profile = table.profile(name, db)
        if profile is None or profile.inci in seen:
            continue
        seen.add(profile.inci)
        rule = table.decide(profile)
        if rule is None:
            continue
        hits.append(
            FungalHit(
                inci=profile.inci,
                rule=rule.id,
                effect=rule.effect,
                evidence=rule.evidence,
                severity=rule.severity_in_context,
                chain_length=profile.chain_text or None,
                kind=profile.kind,
                basis=profile.basis,
                sources=tuple(rule.sources),
                reason=rule.reason,
            )
        )
    return hits
