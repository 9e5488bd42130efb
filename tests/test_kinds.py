"""Issue 16: the data and pure matching logic of the allergen, fungal-acne and avoid-list kinds.

Table-driven; runs on the bundled database only (no /work/shared). Loader error
cases copy ``ingredients/rules`` into a temporary folder and break one file.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from screener import Database
from screener.kinds import (
    KindsError,
    allergen_hits,
    avoid_hits,
    fungal_hits,
    load_allergens,
    load_avoid_list,
    load_families,
    load_fungal,
)

# --------------------------------------------------------------------------- allergens

ALLERGEN_CASES = [
    # printed name, canonical inci, listed ids, contained ids
    ("Hexylcinnamaldehyde", "Hexyl Cinnamal", {"hexyl_cinnamal"}, set()),
    ("Hexyl Cinnamaldehyde", "Hexyl Cinnamal", {"hexyl_cinnamal"}, set()),
    ("Alpha-Hexylcinnamaldehyde", "Hexyl Cinnamal", {"hexyl_cinnamal"}, set()),
    ("d-Limonene", "Limonene", {"limonene"}, set()),
    ("Limonene", "Limonene", {"limonene"}, set()),
    ("Alpha-Isomethyl Ionone", "Alpha-Isomethyl Ionone", {"alpha_isomethyl_ionone"}, set()),
    ("Alpha Isomethyl Ionone", None, {"alpha_isomethyl_ionone"}, set()),
    ("Citral", "Citral", {"citral"}, set()),
    ("Linalool", "Linalool", {"linalool"}, set()),
    ("Amylcinnamyl Alcohol", "Amylcinnamyl Alcohol", {"amylcinnamyl_alcohol"}, set()),
    ("Benzyl Alcohol", "Benzyl Alcohol", {"benzyl_alcohol"}, set()),
    ("Beta-Caryophyllene", "Caryophyllene", {"beta_caryophyllene"}, set()),
    ("Rose Ketones", None, {"rose_ketones"}, set()),
    ("Delta-Damascone", "Delta-Damascone", {"rose_ketones"}, set()),
    ("3-Propylidenephthalide", "Propylidene Phthalide", {"propylidene_phthalide"}, set()),
    ("Acetylcedrene", "Acetyl Cedrene", {"acetyl_cedrene"}, set()),
    (
        "Evernia Prunastri (Oakmoss) Extract",
        "Evernia Prunastri Extract",
        {"evernia_prunastri"},
        set(),
    ),
    (
        "Lavandula Angustifolia (Lavender) Oil",
        "Lavandula Angustifolia Oil",
        {"lavandula"},
        {"linalool", "linalyl_acetate"},
    ),
    (
        "Lavandula Hybrida Oil",
        "Lavandula Hybrida Oil",
        {"lavandula"},
        {"linalool", "linalyl_acetate", "camphor"},
    ),
    (
        "Citrus Limon (Lemon) Peel Oil",
        "Citrus Limon Peel Oil",
        {"citrus_limon_peel_oil"},
        {"limonene", "citral", "pinene"},
    ),
    (
        "Citrus Aurantium Dulcis (Orange) Peel Oil",
        "Citrus Aurantium Dulcis Peel Oil",
        {"citrus_aurantium_peel_oil"},
        {"limonene"},
    ),
    (
        "Mentha Piperita (Peppermint) Oil",
        "Mentha Piperita Oil",
        {"mentha_piperita_oil"},
        {"menthol", "limonene"},
    ),
    (
        "Rosa Damascena Flower Oil",
        "Rosa Damascena Flower Oil",
        {"rose_flower"},
        {"citronellol", "geraniol", "eugenol", "farnesol"},
    ),
    # contains only: not an Annex III entry itself
    (
        "Melaleuca Alternifolia Leaf Oil",
        "Melaleuca Alternifolia Leaf Oil",
        set(),
        {"terpinolene", "alpha_terpinene", "terpineol", "limonene"},
    ),
    (
        "Cinnamomum Zeylanicum Leaf Oil",
        "Cinnamomum Zeylanicum Leaf Oil",
        set(),
        {"eugenol", "linalool"},
    ),
    # not allergens
    ("Parfum", "Parfum", set(), set()),
    ("Fragrance", "Parfum", set(), set()),
    ("Aqua", "Aqua", set(), set()),
    ("Rosa Canina Fruit Oil", "Rosa Canina Fruit Oil", set(), set()),
    ("Terpineol Acetate", "Terpineol Acetate", set(), set()),
    ("Citronellal", "Citronellal", set(), set()),
]


@pytest.mark.parametrize(("printed", "inci", "listed", "contained"), ALLERGEN_CASES)
def test_allergen_hits(
    db: Database, printed: str, inci: str | None, listed: set[str], contained: set[str]
) -> None:
    hits = allergen_hits([printed], db)
    got_listed = {a for h in hits if h.via == "listed" for a in h.allergens}
    got_contained = {a for h in hits if h.via == "contains" for a in h.allergens}
    assert got_listed == listed
    assert got_contained == contained
    for hit in hits:
        assert hit.inci == (inci or printed)
        assert hit.sources and all(s in db.sources for s in hit.sources)


def test_allergen_hits_one_per_ingredient_in_order(db: Database) -> None:
    hits = allergen_hits(["Aqua", "Linalool", "linalool", "Limonene", "Parfum"], db)
    assert [h.inci for h in hits] == ["Linalool", "Limonene"]


def test_allergen_table_counts_and_thresholds(db: Database) -> None:
    table = load_allergens(db=db)
    since = [a.since for a in table.allergens.values()]
    assert since.count("2003") == 26  # Directive 2003/15/EC
    assert since.count("2023") >= 56  # Regulation (EU) 2023/1545
    assert 80 <= len(table.allergens) <= 85
    assert table.threshold("leave-on") == pytest.approx(0.001)
    assert table.threshold("rinse-off") == pytest.approx(0.01)
    with pytest.raises(ValueError, match="leave-on"):
        table.threshold("spray")
    for allergen in table.allergens.values():
        assert db.by_inci[allergen.inci].inci == allergen.inci
        assert all(s in db.sources for s in allergen.sources)


@pytest.fixture
def rules_copy(tmp_path: Path, db: Database) -> Path:
    """A database root holding a copy of rules/ only (names and sources come from ``db``)."""
    shutil.copytree(db.path / "rules", tmp_path / "rules")
    return tmp_path


def _append(root: Path, name: str, line: str) -> int:
    path = root / "rules" / name
    text = path.read_text(encoding="utf-8")
    if not text.endswith("\n"):
        text += "\n"
    path.write_text(text + line + "\n", encoding="utf-8")
    return len((text + line).splitlines())


ALLERGEN_ERRORS = [
    ("allergens.csv", "zz_new,Blorbium Oil,,,substance,2023,EU-2023-1545,", "not an ingredient"),
    ("allergens.csv", "zz_new,Linalool,,,substance,2023,NO-SUCH-SOURCE,", "NO-SUCH-SOURCE"),
    ("allergens.csv", "zz_new,Linalool,,78-70,substance,2023,EU-2023-1545,", "CAS"),
    ("allergens.csv", "zz_new,Linalool,,,substance,1999,EU-2023-1545,", "since"),
    ("allergens.csv", "linalool,Linalool,,,substance,2003,EU-2023-1545,", "defined twice"),
    (
        "allergens.csv",
        "zz_new,Geraniol,Rose Ketones,,substance,2023,EU-2023-1545,",
        "already claimed",
    ),
    ("allergens.csv", "zz_new,Geraniol,,,substance", "expected 8 cells"),
    ("allergen_sources.csv", "Aqua,no_such_allergen,SCCS-1459-11,", "not in allergens.csv"),
    ("allergen_sources.csv", "Blorbium Oil,linalool,SCCS-1459-11,", "not an ingredient"),
]


@pytest.mark.parametrize(("filename", "line", "expected"), ALLERGEN_ERRORS)
def test_allergen_loader_refuses(
    db: Database, rules_copy: Path, filename: str, line: str, expected: str
) -> None:
    number = _append(rules_copy, filename, line)
    with pytest.raises(KindsError) as info:
        load_allergens(rules_copy, db)
    assert any(
        f"rules/{filename} row {number}" in p and expected in p for p in info.value.problems
    ), info.value.problems


def test_allergen_loader_refuses_missing_thresholds(db: Database, rules_copy: Path) -> None:
    (rules_copy / "rules" / "kinds.toml").write_text("[allergen]\nsources = []\n", encoding="utf-8")
    with pytest.raises(KindsError, match="leave_on_percent"):
        load_allergens(rules_copy, db)


# --------------------------------------------------------------------------- fungal acne

FUNGAL_CASES = [
    # printed name, effect, chain, rule id, basis
    ("Isopropyl Myristate", "supports_growth", "14", "FA01", "table"),
    ("Isopropyl Palmitate", "supports_growth", "16", "FA01", "table"),
    ("Ethylhexyl Palmitate", "supports_growth", "16", "FA01", "table"),
    ("Octyl Palmitate", "supports_growth", "16", "FA01", "table"),
    ("Glyceryl Stearate", "supports_growth", "18", "FA01", "table"),
    ("Stearic Acid", "supports_growth", "18", "FA01", "table"),
    ("Oleic Acid", "supports_growth", "18:1", "FA01", "table"),
    ("Myristic Acid", "supports_growth", "14", "FA01", "table"),
    ("Lauric Acid", "unknown", "12", "FA03", "table"),
    ("Capric Acid", "no_effect", "10", "FA02", "table"),
    ("Cetyl Alcohol", "supports_growth", "16", "FA01", "table"),
    ("Cetearyl Alcohol", "supports_growth", "16-18", "FA01", "table"),
    ("Caprylic/Capric Triglyceride", "no_effect", "8-10", "FA02", "table"),
    ("Polysorbate 20", "supports_growth", "12", "FA06", "table"),
    ("Polysorbate 40", "supports_growth", "16", "FA05", "table"),
    ("Polysorbate 60", "supports_growth", "18", "FA05", "table"),
    ("Polysorbate 80", "supports_growth", "18:1", "FA05", "table"),
    ("Sorbitan Oleate", "supports_growth", "18:1", "FA01", "table"),
    ("Sorbitan Caprylate", "no_effect", "8", "FA02", "table"),
    ("Olea Europaea (Olive) Fruit Oil", "supports_growth", "16-18", "FA04", "table"),
    ("Cocos Nucifera (Coconut) Oil", "supports_growth", "8-18", "FA04", "table"),
    ("Simmondsia Chinensis (Jojoba) Seed Oil", "supports_growth", "20-22", "FA04", "table"),
    ("Petrolatum", "supports_growth", None, "FA07", "table"),
    ("Mineral Oil", "no_effect", None, "FA08", "table"),
    ("Squalane", "unknown", None, "FA15", "table"),
    ("Dimethicone", "no_effect", None, "FA09", "table"),
    ("Ceteareth-20", "no_effect", "16-18", "FA10", "table"),
    ("PEG-8", "no_effect", None, "FA11", "table"),
    ("PEG-100 Stearate", "unknown", "18", "FA14", "table"),
    ("Octyldodecanol", "unknown", "20", "FA13", "table"),
    ("Ricinus Communis (Castor) Seed Oil", "unknown", "18", "FA16", "table"),
    # read from the INCI words (not in fatty_chains.csv)
    ("Isostearyl Palmitate", "supports_growth", "16-18", "FA01", "name"),
    ("Hexyl Laurate", "unknown", "12", "FA03", "name"),
    ("Decyl Cocoate", "supports_growth", "8-18", "FA01", "name"),
    ("Oleyl Alcohol", "supports_growth", "18", "FA01", "name"),
    ("Laureth-23", "no_effect", "12", "FA10", "name"),
    ("Sodium Palmitate", "unknown", "16", "FA18", "name"),
    ("Glyceryl Myristate", "supports_growth", "14", "FA01", "name"),
    ("Sorbitan Sesquicaprylate", "no_effect", "8", "FA02", "name"),
    ("PEG-150 Distearate", "unknown", "18", "FA14", "name"),
    ("Ascorbyl Palmitate", "supports_growth", "16", "FA01", "name"),
    ("Cetearyl Ethylhexanoate", "supports_growth", "8-18", "FA01", "name"),
    ("Pentaerythrityl Tetraethylhexanoate", "no_effect", "8", "FA02", "name"),
    ("C14-22 Alcohols", "supports_growth", "14-22", "FA01", "name"),
    ("Caprylyl Methicone", "no_effect", None, "FA09", "name"),
    ("PEG-10 Dimethicone", "no_effect", None, "FA09", "name"),
    ("Trisiloxane", "no_effect", None, "FA09", "name"),
    ("C13-14 Isoparaffin", "no_effect", None, "FA08", "name"),
    ("Lecithin", "unknown", "16-18", "FA19", "table"),
    ("Cholesterol", "unknown", None, "FA19", "table"),
    ("Sodium Stearoyl Lactylate", None, None, None, None),
    ("PEG-7 Glyceryl Cocoate", "unknown", "8-18", "FA14", "name"),
]


@pytest.mark.parametrize(("printed", "effect", "chain", "rule", "basis"), FUNGAL_CASES)
def test_fungal_hits(
    db: Database,
    printed: str,
    effect: str | None,
    chain: str | None,
    rule: str | None,
    basis: str | None,
) -> None:
    hits = fungal_hits([printed], db)
    if effect is None:
        assert hits == []
        return
    assert len(hits) == 1
    hit = hits[0]
    assert (hit.effect, hit.chain_length, hit.rule, hit.basis) == (effect, chain, rule, basis)
    assert hit.sources and all(s in db.sources for s in hit.sources)
    assert hit.reason


@pytest.mark.parametrize(
    "printed",
    ["Aqua", "Niacinamide", "Glycerin", "Sodium Laureth Sulfate", "Parfum", "", "Blorbium"],
)
def test_fungal_no_rule_no_hit(db: Database, printed: str) -> None:
    assert fungal_hits([printed], db) == []


def test_fungal_hits_deduplicate_by_canonical_name(db: Database) -> None:
    hits = fungal_hits(["Mineral Oil", "Paraffinum Liquidum", "Isopropyl Myristate"], db)
    assert [h.inci for h in hits] == ["Paraffinum Liquidum", "Isopropyl Myristate"]


FUNGAL_ERRORS = [
    ("fatty_chains.csv", "Aqua,abc,ester,,COSING,", "chain length"),
    ("fatty_chains.csv", "Aqua,16,gloop,,COSING,", "kind"),
    ("fatty_chains.csv", "Blorbium Oil,16,ester,,COSING,", "not an ingredient"),
    ("fatty_chains.csv", "Isopropyl Myristate,14,ester,,COSING,", "two rows"),
    (
        "fungal_acne.csv",
        "FX1,kind:gloop,,,no_effect,in_vitro,info,a reason long enough,KND-DOBLER-2019",
        "unknown kind",
    ),
    (
        "fungal_acne.csv",
        "FX1,inci:Blorbium Oil,,,no_effect,in_vitro,info,a reason long enough,KND-DOBLER-2019",
        "not an ingredient",
    ),
    (
        "fungal_acne.csv",
        "FX1,kind:ester,20,10,no_effect,in_vitro,info,a reason long enough,KND-DOBLER-2019",
        "chain_min",
    ),
    (
        "fungal_acne.csv",
        "FX1,kind:ester,,,feeds,in_vitro,info,a reason long enough,KND-DOBLER-2019",
        "effect",
    ),
    (
        "fungal_acne.csv",
        "FX1,kind:ester,,,no_effect,anecdote,info,a reason long enough,KND-DOBLER-2019",
        "evidence",
    ),
    (
        "fungal_acne.csv",
        "FX1,kind:ester,,,no_effect,in_vitro,info,a reason long enough,NO-SUCH",
        "NO-SUCH",
    ),
    ("fatty_name_parts.csv", "gloopate,last,16,,COSING,", "needs a kind"),
    ("fatty_name_parts.csv", "gloopate,last,,ester,COSING,", "needs a chain_length"),
    ("fatty_name_parts.csv", "gloop,contains,16,silicone,COSING,", "no chain"),
]


@pytest.mark.parametrize(("filename", "line", "expected"), FUNGAL_ERRORS)
def test_fungal_loader_refuses(
    db: Database, rules_copy: Path, filename: str, line: str, expected: str
) -> None:
    number = _append(rules_copy, filename, line)
    with pytest.raises(KindsError) as info:
        load_fungal(rules_copy, db)
    assert any(
        f"rules/{filename} row {number}" in p and expected in p for p in info.value.problems
    ), info.value.problems


# --------------------------------------------------------------------------- avoid lists

AVOID_CASES = [
    # avoid entry, printed ingredient, matches, via
    ("Fragrance", "Parfum", True, "name"),
    ("Parfum", "Fragrance", True, "name"),
    ("Water", "Aqua", True, "name"),
    ("Mineral Oil", "Paraffinum Liquidum", True, "name"),
    ("Linalool", "Linalool", True, "name"),
    ("Linalool", "Lavandula Angustifolia (Lavender) Oil", True, "contains"),
    ("Linalool", "Linalyl Acetate", False, None),
    ("inci:Methylisothiazolinone", "Methylisothiazolinone", True, "name"),
    ("inci:Methylisothiazolinone", "Methylchloroisothiazolinone", False, None),
    ("Rose Ketones", "Delta-Damascone", True, "allergen"),
    ("allergen:limonene", "Citrus Limon (Lemon) Peel Oil", True, "contains"),
    ("allergen:limonene", "d-Limonene", True, "allergen"),
    ("class:fragrance_allergen", "Hexylcinnamaldehyde", True, "class"),
    ("class:fragrance_allergen", "Rose Ketones", True, "class"),
    ("class:fragrance_allergen", "Melaleuca Alternifolia Leaf Oil", True, "class"),
    ("class:fragrance_allergen", "Aqua", False, None),
    ("class:fragrance_allergen", "Parfum", False, None),
    ("class:aha", "Glycolic Acid", True, "class"),
    ("class:aha", "Salicylic Acid", False, None),
    ("class:bha", "Salicylic Acid", True, "class"),
    ("occlusive:heavy", "Petrolatum", True, "occlusive"),
    ("occlusive:heavy", "Squalane", False, None),
    ("function:perfuming", "Linalool", True, "function"),
    ("family:PEG", "PEG-100 Stearate", True, "family"),
    ("family:PEG", "PEG-40 Hydrogenated Castor Oil", True, "family"),
    ("family:PEG", "PEG/PPG-18/18 Dimethicone", True, "family"),
    ("family:PEG", "PPG-15 Stearyl Ether", True, "family"),
    ("family:PEG", "Polysorbate 20", False, None),
    ("family:PEG", "Pegoscorbic Acid", False, None),
    ("family:ethoxylated", "Polysorbate 20", True, "family"),
    ("family:ethoxylated", "Sodium Laureth Sulfate", True, "family"),
    ("family:ethoxylated", "Ceteareth-20", True, "family"),
    ("family:ethoxylated", "Sodium Lauryl Sulfate", False, None),
    ("family:paraben", "Methylparaben", True, "family"),
    ("family:paraben", "Sodium Propylparaben", True, "family"),
    ("family:paraben", "Phenoxyethanol", False, None),
    ("Parabens", "Butylparaben", True, "family"),
    ("family:isothiazolinone", "Methylchloroisothiazolinone", True, "family"),
    ("family:isothiazolinone", "Benzisothiazolinone", True, "family"),
    ("family:formaldehyde_releaser", "DMDM Hydantoin", True, "family"),
    ("family:formaldehyde_releaser", "Quaternium-15", True, "family"),
    ("family:formaldehyde_releaser", "Imidazolidinyl Urea", True, "family"),
    ("family:formaldehyde_releaser", "Phenoxyethanol", False, None),
    ("Formaldehyde Releasers", "Diazolidinyl Urea", True, "family"),
    ("family:lanolin", "Lanolin Alcohol", True, "family"),
    ("Blorbium Extract", "Blorbium Extract", True, "name"),
    ("Blorbium Extract", "Aqua", False, None),
]


@pytest.mark.parametrize(("entry", "printed", "matches", "via"), AVOID_CASES)
def test_avoid_hits(db: Database, entry: str, printed: str, matches: bool, via: str | None) -> None:
    avoid = load_avoid_list([entry], db)
    hits = avoid_hits([printed], avoid, db)
    assert bool(hits) is matches, hits
    if matches:
        assert hits[0].via == via
        assert (hits[0].line, hits[0].text) == (1, entry)


def test_avoid_hits_take_ingredient_objects(db: Database) -> None:
    avoid = load_avoid_list(["Fragrance"], db)
    hits = avoid_hits([db.by_inci["Parfum"]], avoid, db)
    assert [h.inci for h in hits] == ["Parfum"]


UNKNOWN_CASES = [
    (["Blorbium Extract"], ["Blorbium Extract"]),
    (["class:not_a_class"], ["class:not_a_class"]),
    (["family:nope"], ["family:nope"]),
    (["occlusive:very"], ["occlusive:very"]),
    (["allergen:nope"], ["allergen:nope"]),
    (["Linalool", "family:PEG", "class:fragrance_allergen", "Parabens"], []),
]


@pytest.mark.parametrize(("lines", "unknown"), UNKNOWN_CASES)
def test_avoid_unknown_names_are_reported(
    db: Database, lines: list[str], unknown: list[str]
) -> None:
    assert load_avoid_list(lines, db).unknown == unknown


TOML_TEXT = """\
# my patch test, March 2026
[[avoid]]
name = "Linalool"
reason = "patch test 2026-03, ++"

[[avoid]]
class = "fragrance_allergen"

[[avoid]]
family = "PEG"

[[avoid]]
name = "Blorbium Extract"
"""

JSON_TEXT = """[
  "Linalool",
  {"family": "PEG", "reason": "macrogol ++"},
  "inci:Methylisothiazolinone"
]
"""


def test_avoid_toml_file(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "avoid.toml"
    path.write_text(TOML_TEXT, encoding="utf-8")
    avoid = load_avoid_list(path, db)
    assert [(e.line, e.text, e.reason) for e in avoid.entries] == [
        (2, "Linalool", "patch test 2026-03, ++"),
        (6, "class:fragrance_allergen", ""),
        (9, "family:PEG", ""),
        (12, "Blorbium Extract", ""),
    ]
    assert avoid.unknown == ["Blorbium Extract"]
    hits = avoid_hits(["Aqua", "Linalool", "PEG-8"], avoid, db)
    assert [(h.inci, h.line) for h in hits] == [("Linalool", 2), ("Linalool", 6), ("PEG-8", 9)]
    assert load_avoid_list(str(path), db).entries == avoid.entries
    assert load_avoid_list(TOML_TEXT, db).entries == avoid.entries


def test_avoid_json_file_list_and_object(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "avoid.json"
    path.write_text(JSON_TEXT, encoding="utf-8")
    avoid = load_avoid_list(path, db)
    assert [(e.line, e.text, e.reason) for e in avoid.entries] == [
        (2, "Linalool", ""),
        (3, "family:PEG", "macrogol ++"),
        (4, "inci:Methylisothiazolinone", ""),
    ]
    wrapped = tmp_path / "wrapped.json"
    wrapped.write_text(json.dumps({"avoid": json.loads(JSON_TEXT)}, indent=2), encoding="utf-8")
    assert [e.text for e in load_avoid_list(wrapped, db).entries] == [e.text for e in avoid.entries]


def test_avoid_text_lines_and_mapping(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "avoid.txt"
    path.write_text("# from the clinic\nLinalool ; ++ at D3\n\nfamily:paraben\n", encoding="utf-8")
    avoid = load_avoid_list(path, db)
    assert [(e.line, e.text, e.reason) for e in avoid.entries] == [
        (2, "Linalool", "++ at D3"),
        (4, "family:paraben", ""),
    ]
    mapping = load_avoid_list(
        {"avoid": [{"name": "Linalool", "reason": "x"}, "family:paraben"]}, db
    )
    assert [(e.line, e.text, e.reason) for e in mapping.entries] == [
        (1, "Linalool", "x"),
        (2, "family:paraben", ""),
    ]


MALFORMED = [
    ("avoid.toml", '[[avoid]]\nname = "Linalool"\nclass = "aha"\n', "line 1", "exactly one"),
    (
        "avoid.toml",
        '[[avoid]]\nname = "Linalool"\n\n[[avoid]]\ncolour = "red"\n',
        "line 4",
        "unknown key",
    ),
    ("avoid.toml", '[[avoid]]\nname = ""\n', "line 1", "non-empty"),
    ("avoid.toml", '[[avoid]]\nname = "Linalool\n', "avoid.toml", "not valid TOML"),
    ("avoid.toml", 'avoid = "Linalool"\n', "avoid.toml", "must be a list"),
    ("avoid.toml", '[[avoids]]\nname = "Linalool"\n', "avoid.toml", "unknown top-level"),
    ("avoid.json", '[\n  "Linalool",\n  "klass:aha"\n]\n', "line 3", "unknown selector"),
    ("avoid.json", '[\n  "Linalool",\n  42\n]\n', "line 3", "text or a table"),
    ("avoid.json", '[\n  "Linalool",\n  "family:"\n]\n', "line 3", "names nothing"),
    ("avoid.json", '[\n  "Linalool"\n  "Limonene"\n]\n', "line 3", "not valid JSON"),
    ("avoid.json", '"Linalool"', "avoid.json", "a list or an object"),
    ("avoid.txt", "Linalool\nklass:aha\n", "line 2", "unknown selector"),
]


@pytest.mark.parametrize(("name", "text", "where", "expected"), MALFORMED)
def test_avoid_malformed_files_are_refused(
    db: Database, tmp_path: Path, name: str, text: str, where: str, expected: str
) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(KindsError) as info:
        load_avoid_list(path, db)
    assert any(name in p and where in p and expected in p for p in info.value.problems), (
        info.value.problems
    )


def test_avoid_missing_file(db: Database, tmp_path: Path) -> None:
    with pytest.raises(KindsError, match="not found"):
        load_avoid_list(tmp_path / "nope.toml", db)


def test_avoid_families_loader_refuses_bad_pattern(db: Database, rules_copy: Path) -> None:
    number = _append(rules_copy, "avoid_families.csv", "broken,(unclosed,,COSING,")
    with pytest.raises(KindsError) as info:
        load_families(rules_copy, db)
    assert any(
        f"rules/avoid_families.csv row {number}" in p and "compile" in p
        for p in info.value.problems
    )


def test_kind_tables_load_cleanly(db: Database) -> None:
    assert load_allergens(db=db).allergens
    assert load_fungal(db=db).rules
    assert set(load_families(db=db)) >= {
        "peg",
        "paraben",
        "isothiazolinone",
        "formaldehyde_releaser",
    }
