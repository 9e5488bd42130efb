"""``rules/severity.toml``: validated with a model, exposed as the plain dict.

The known sections are modelled strictly (types, ranges, severities and
classes from the vocabulary, no unknown keys), so ``top_zone_end = "five"``
is refused at load with the file and key instead of crashing every check.
Unknown top-level sections are accepted here (validated by whoever adds
them); any ``sources`` list anywhere must resolve in the bibliography.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from ..vocabulary import FUNCTIONS, FindingKind, Occlusive, Severity

LABEL = "rules/severity.toml"


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    sources: list[str] = Field(min_length=1)


class PositionSection(_Section):
    top_zone_end: int = Field(ge=1, le=50)
    one_percent_markers: list[str]
    trace_after: int = Field(ge=1, le=200)

    @field_validator("one_percent_markers")
    @classmethod
    def _functions(cls, value: list[str]) -> list[str]:
        unknown = sorted(set(value) - FUNCTIONS)
        if unknown:
            raise ValueError(f"unknown function(s) {unknown}")
        return value


def _ratings(table: dict[str, Severity]) -> dict[str, Severity]:
    bad = [k for k in table if not (k.isdigit() and 0 <= int(k) <= 5)]
    if bad:
        raise ValueError(f"ratings must be 0-5, found {bad}")
    return table


class ComedogenicSection(_Section):
    #: a rating this low or lower is capped at info (judge/comedogenic.py)
    low_rating_max: int = Field(default=2, ge=0, le=5)
    printed_middle_max: Severity = "caution"
    top: dict[str, Severity]
    middle: dict[str, Severity]
    trace: dict[str, Severity]
    may_contain: dict[str, Severity]
    #: position unknown (an alphabetical list, a Drug Facts panel without headings)
    unknown: dict[str, Severity] = Field(default_factory=dict)

    _keys = field_validator("top", "middle", "trace", "may_contain", "unknown")(_ratings)


class OcclusiveSection(_Section):
    top: dict[Occlusive, Severity]
    middle: dict[Occlusive, Severity]
    trace: dict[Occlusive, Severity]
    may_contain: dict[Occlusive, Severity]
    #: position unknown (an alphabetical list, a Drug Facts panel without headings)
    unknown: dict[Occlusive, Severity] = Field(default_factory=dict)
    eye_area: dict[Occlusive, Severity]


class RinseOffSection(_Section):
    steps_down: int = Field(ge=0, le=2)


class VerdictSection(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    kinds: list[FindingKind] = Field(min_length=1)
    avoid_label: str = Field(min_length=1)
    caution_label: str = Field(min_length=1)
    clean_label: str = Field(min_length=1)
    #: a list with less than this share recognised cannot be called clean (verdict.py)
    uncertain_label: str = Field(default="uncertain", min_length=1)
    uncertain_below_share: float = Field(default=0.8, ge=0, le=1)
    high_confidence: float = Field(ge=0, le=1)
    medium_confidence: float = Field(ge=0, le=1)
    sources: list[str] = []


_Confidence = Field(ge=0, le=1)


class MatchSection(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    fuzzy_cutoff: float = Field(ge=50, le=100)
    fuzzy_min_length: int = Field(ge=1, le=50)
    exact: float = _Confidence
    alias: float = _Confidence
    plural: float = _Confidence
    family: float = _Confidence
    fuzzy_scale: float = _Confidence
    completion: float = Field(default=0.5, ge=0, le=1)
    # Added with the inventory and common names; defaults keep older files valid.
    common: float = Field(default=0.9, ge=0, le=1)
    common_ambiguous: float = Field(default=0.5, ge=0, le=1)
    inventory: float = Field(default=0.95, ge=0, le=1)
    sources: list[str] = []


class SeverityFile(BaseModel):
    """The sections the rules read; other sections pass through unchecked."""

    model_config = ConfigDict(extra="allow")

    position: PositionSection
    comedogenic: ComedogenicSection
    occlusive: OcclusiveSection
    rinse_off: RinseOffSection
    verdict: VerdictSection
    match: MatchSection


def _float_fields(model: type[BaseModel]) -> list[str]:
    return [name for name, f in model.model_fields.items() if f.annotation in (float, "float")]


def _ints_as_floats(data: dict[str, Any]) -> dict[str, Any]:
    """TOML writes ``exact = 1`` as an int; a strict float field would refuse it."""
    out = dict(data)
    for section, model in (("verdict", VerdictSection), ("match", MatchSection)):
        body = out.get(section)
        if isinstance(body, dict):
            body = dict(body)
            for name in _float_fields(model):
                value = body.get(name)
                if isinstance(value, int) and not isinstance(value, bool):
                    body[name] = float(value)
            out[section] = body
    return out


def _sources_in(data: dict[str, Any], where: str = "") -> list[tuple[str, str]]:
    """Every (section, source id) under any ``sources`` key, nested tables included."""
    found: list[tuple[str, str]] = []
    for key, value in data.items():
        if key == "sources" and isinstance(value, list):
            found += [(where, str(sid)) for sid in value]
        elif isinstance(value, dict):
            found += _sources_in(value, f"{where}.{key}" if where else key)
    return found


def load_severity(root: Path, source_ids: set[str], problems: list[str]) -> dict[str, Any]:
    """The severity file as a plain dict (as rules.py indexes it), or {} with problems."""
    path = root / "rules" / "severity.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        problems.append(f"{LABEL}: file is missing")
        return {}
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        problems.append(f"{LABEL}: {exc}")
        return {}
    data = _ints_as_floats(data)
    try:
        SeverityFile.model_validate(data)
    except ValidationError as exc:
        for err in exc.errors():
            loc = [str(p) for p in err["loc"]]
            if len(loc) == 1 and err["type"] == "missing":
                problems.append(f"{LABEL}: section [{loc[0]}] is missing")
                continue
            section, key = loc[0], ".".join(loc[1:]) or "(section)"
            value = f" (found {err['input']!r})" if err["type"] != "missing" else ""
            problems.append(f"{LABEL} [{section}] {key}: {err['msg']}{value}")
    for section, sid in _sources_in(data):
        if sid not in source_ids:
            problems.append(f"{LABEL} [{section}]: source id {sid!r} is not in bibliography/")
    return data
