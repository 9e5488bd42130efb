from cases_part1 import CASES, case

case(
    "tazorac-gel",
    "Tazorac gel 0.1% (FDA label DESCRIPTION; ascorbic acid in vehicle)",
    "https://www.rxreasoner.com/monographs/27424",
    None,
    "TAZORAC Gel",
    """TAZORAC (tazarotene) Gel, 0.05% and 0.1% is for topical use and contains the active ingredient, tazarotene. Each gram of TAZORAC Gel, 0.05% and 0.1% contains 0.5 and 1 mg of tazarotene, respectively in a translucent, aqueous gel.
TAZORAC Gel contains the following inactive ingredients:
benzyl alcohol 1%; ascorbic acid; butylated hydroxyanisole; butylated hydroxytoluene; carbomer homopolymer type B; edetate disodium; hexylene glycol; poloxamer 407; polyethylene glycol 400; polysorbate 40; purified water; and tromethamine.""",
)
case(
    "triamcinolone-0025-infant",
    "Triamcinolone Acetonide Cream USP 0.025% on a baby (lactic acid in base)",
    "https://www.prescriptiondrugs.com/triamcinolone-acetonide-cream-usp-0-0250-10-5-rx-only/",
    "infant",
    "Triamcinolone Acetonide Cream USP 0.025%",
    "Triamcinolone Acetonide Cream USP, 0.025% contains: 0.25 mg of Triamcinolone Acetonide per gram in a base containing Glycerin, Cetyl Alcohol,Isopropyl Palmitate,Noncrystallizing sorbitol solution,Emulsifying Wax,Lactic Acid,Benzyl Alcohol andPurified Water.",
)

BY_ID = {c["id"]: c for c in CASES}


def t(i):
    return BY_ID[i]["text"]


PANOXYL_WASH = """Active ingredient
Benzoyl peroxide 10%
Purpose
Acne medication
Use
• for the treatment of acne"""  # https://dailymed.nlm.nih.gov/dailymed/lookup.cfm?setid=1660f219-e789-91f1-e063-6294a90a7664 (inactive list not in the stored copy)
ROUTINES = [
    (
        "R1-adapalene-glycolic-PM",
        None,
        [
            {"name": "Effaclar Adapalene Gel 0.1%", "text": t("effaclar-adapalene"), "when": "PM"},
            {"name": "Pixi Glow Tonic", "text": t("pixi-glow"), "when": "PM"},
            {
                "name": "Hada Labo Goku Jyun Hydrating Lotion",
                "text": t("hadalabo-lotion"),
                "when": "AM+PM",
            },
        ],
    ),
    (
        "R2-BPO-wash-AM-vitC-derivative-AM",
        None,
        [
            {"name": "PanOxyl Acne Foaming Wash 10%", "text": PANOXYL_WASH, "when": "AM"},
            {
                "name": "Biore UV Aqua Rich Watery Essence Mild",
                "text": t("biore-mild"),
                "when": "AM",
            },
            {
                "name": "Hada Labo Gokujyun Premium Emulsion",
                "text": t("hadalabo-premium-emulsion"),
                "when": "AM",
            },
        ],
    ),
    (
        "R3-tazarotene-gel-PM-BPO-wash-AM",
        None,
        [
            {"name": "TAZORAC Gel", "text": t("tazorac-gel"), "when": "PM"},
            {"name": "PanOxyl Acne Foaming Wash 10%", "text": PANOXYL_WASH, "when": "PM"},
            {"name": "Cleocin T Topical Lotion", "text": t("cleocin-lotion"), "when": "AM"},
        ],
    ),
    (
        "R4-pregnancy-triluma-effaclarduo",
        "pregnancy",
        [
            {"name": "Tri Luma Cream", "text": t("triluma-preg"), "when": "PM"},
            {"name": "Effaclar Duo (+)", "text": t("effaclar-duo"), "when": "AM"},
            {"name": "COSRX BHA Blackhead Power Liquid", "text": t("cosrx-bha-preg"), "when": "AM"},
        ],
    ),
    (
        "R5-post-laser",
        "post-procedure",
        [
            {
                "name": "Cicaplast Defense B5",
                "text": t("cicaplast-defense-postproc"),
                "when": "AM+PM",
            },
            {
                "name": "Avene Cicalfate Restorative Skin Cream",
                "text": t("cicalfate-postproc"),
                "when": "PM",
            },
            {
                "name": "Seventh Generation Baby Sunscreen SPF 30",
                "text": t("seventhgen-baby-spf"),
                "when": "AM",
            },
            {"name": "Pixi Glow Tonic", "text": t("pixi-glow"), "when": "PM"},
        ],
    ),
]

# Reviewer's expected verdict and whether verdict+findings+reading were all right (review2 judgement).
MF, UWC, NMF, UNC = "milia-friendly", "use with care", "not milia-friendly", "uncertain"
EXPECT = {
    "weleda-skinfood": (UWC, True),
    "weleda-skinfood-eye": (NMF, True),
    "sudocrem": (UWC, False),
    "carmex-jar": (NMF, True),
    "carmex-spf-preg": (NMF, True),
    "drmom-buttbalm": (NMF, True),
    "babys-butt-aid": (NMF, True),
    "burts-medicated": (NMF, False),
    "nivea-creme": (NMF, True),
    "cetraben": (UWC, False),
    "tazorac-cream-preg": (NMF, False),
    "cleocin-gel": (MF, False),
    "triamcinolone-eye": (NMF, False),
    "triamcinolone-oint-infant": (NMF, False),
    "cicalfate-postproc": (UWC, True),
    "effaclar-duo": (NMF, False),
    "hadalabo-lotion": (MF, True),
    "hadalabo-premium-emulsion": (MF, True),
    "cicaplast-defense-postproc": (MF, True),
    "effaclar-adapalene": (MF, False),
    "cvs-adapalene-preg": (NMF, False),
    "dhc-sulfur": (MF, True),
    "seventhgen-baby-spf": (UWC, False),
    "aveeno-baby-eczema-balm": (MF, False),
    "aveeno-baby-daily": (NMF, False),
    "childsfarm-eczema": (NMF, False),
    "cvs-hc-chemnames": (UWC, False),
    "clinique-ttdo-eye": (UWC, True),
    "clinique-ttdo-fa": (UWC, True),
    "earthmama-oil-infant": (UWC, True),
    "clear-eye-cream": (NMF, True),
    "cosrx-bha-preg": (UWC, False),
    "cosrx-bha-postproc": (NMF, True),
    "biore-mild": (NMF, True),
    "triluma-preg": (NMF, False),
    "hadalabo-fa": (MF, True),
    "aveeno-eczema-fa": (UWC, True),
    "cleocin-lotion": (UWC, False),
    "triamcinolone-vanishing-eye": (NMF, False),
    "mizon-snail-cleanser": (MF, True),
    "ponds-cold-cream-eye": (NMF, False),
    "mac-moisture-fix": (MF, True),
    "joyruqo-essence": (MF, False),
    "pixi-glow": (MF, True),
    "tazorac-gel": (MF, False),
    "triamcinolone-0025-infant": (NMF, False),
    "R1-adapalene-glycolic-PM": (UWC, False),
    "R2-BPO-wash-AM-vitC-derivative-AM": (NMF, True),
    "R3-tazarotene-gel-PM-BPO-wash-AM": (UWC, False),
    "R4-pregnancy-triluma-effaclarduo": (NMF, False),
    "R5-post-laser": (NMF, True),
}
