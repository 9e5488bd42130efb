"""INCI display case: the inventory writes names in capitals, labels do not.

``PEG-40 HYDROGENATED CASTOR OIL`` → ``PEG-40 Hydrogenated Castor Oil``: each
word title-cased, except the acronyms and codes INCI writes in capitals (PEG,
PPG, CI, EDTA, Roman numerals, ceramide letters…) and the few mixed-case
chemical symbols (HCl). Carbon-chain codes keep their capital (``C12-15``).
"""

from __future__ import annotations

import re

# Acronyms that INCI writes in capitals inside otherwise title-cased names.
UPPER_WORDS: frozenset[str] = frozenset(
    """
    peg ppg ci edta hedta pca se vp va mea dea mipa pvp pvm bht bha aha ams dna rna
    ii iii iv vi vii viii ix xi xii pg mdm dmdm hdi ipdi tdi smdi d&c fd&c ptfe pvc sd hc
    """.split()
)
# Written as INCI writes them, neither capitals nor title case.
MIXED_WORDS: dict[str, str] = {"hcl": "HCl", "hbr": "HBr", "sh": "sh", "ph": "pH"}
# After "Ceramide" the letters name the class (NP, AP, EOP, NS, AS, NG, EOS).
_CERAMIDE_CLASS = re.compile(r"^[a-z]{1,4}$")
_PARTS = re.compile(r"(\s+|/|-|\(|\)|,|\+)")


def _word(word: str, previous: str, following: str) -> str:
    low = word.lower()
    if low in MIXED_WORDS:
        return MIXED_WORDS[low]
    # TEA (triethanolamine) as in "TEA-Lauryl Sulfate", but "Tea Tree", "Green Tea".
    if low in UPPER_WORDS or (low == "tea" and following in ("-", "")) and previous != "green":
        return low.upper()
    if previous == "ceramide" and _CERAMIDE_CLASS.match(low):
        return low.upper()
    if not word[:1].isalpha():
        return word.lower()
    # "C12" (a carbon chain) keeps its capital; so does any letter-then-digits code.
    if len(word) > 1 and word[1:].isdigit():
        return word[0].upper() + word[1:]
    return word[:1].upper() + word[1:].lower()


def inci_case(printed: str) -> str:
    """``peg-40 hydrogenated castor oil`` → ``PEG-40 Hydrogenated Castor Oil``."""
    parts = [p for p in _PARTS.split(" ".join(printed.split())) if p]
    out: list[str] = []
    previous = ""
    for index, part in enumerate(parts):
        if _PARTS.fullmatch(part):
            out.append(part)
            continue
        following = parts[index + 1] if index + 1 < len(parts) else ""
        out.append(_word(part, previous, following))
        previous = part.lower()
    return "".join(out)
