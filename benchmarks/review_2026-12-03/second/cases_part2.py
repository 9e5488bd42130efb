from cases_part1 import case

case(
    "tazorac-cream-preg",
    "Tazorac cream 0.1% (FDA label, DESCRIPTION)",
    "https://www.rxreasoner.com/monographs/tazorac",
    "pregnancy",
    "TAZORAC Cream",
    """TAZORAC (tazarotene) Cream, 0.05% and 0.1% is for topical use and contains the active ingredient, tazarotene. Each gram of TAZORAC Cream, 0.05% and 0.1% contains 0.5 and 1 mg of tazarotene, respectively in a white cream base.
TAZORAC Cream contains the following inactive ingredients: benzyl alcohol 1%; carbomer 1342; carbomer homopolymer type B; edetate disodium; medium chain triglycerides; mineral oil; purified water; sodium hydroxide; sodium thiosulfate; and sorbitan monooleate.""",
)
case(
    "cleocin-gel",
    "Cleocin T clindamycin phosphate topical gel (DESCRIPTION)",
    "http://www.drugs.com/pro/cleocin-topical-solution.html",
    None,
    "CLEOCIN T Topical Gel",
    """CLEOCIN T Topical Gel contains clindamycin phosphate, USP, at a concentration equivalent to 10 mg clindamycin per gram.
The gel contains allantoin, carbomer 934P, methylparaben, polyethylene glycol 400, propylene glycol, sodium hydroxide, and purified water.""",
)
case(
    "triamcinolone-eye",
    "Triamcinolone Acetonide Cream USP 0.1% (water-washable base) on eyelids",
    "https://www.prescriptiondrugs.com/triamcinolone-acetonide-cream-usp/",
    "eye-area",
    "Triamcinolone Acetonide Cream USP 0.1%",
    "Triamcinolone Acetonide Cream USP 0.1% contains: 1 mg of triamcinolone acetonide USP per gram in a water washable cream base consisting of  mineral oil (and) lanolin alcohol, isopropyl palmitate NF, propylene glycol stearate, propylene glycol USP, cetyl alcohol NF, sorbitan monostearate NF, polysorbate 60 NF, sorbic acid NF, polyoxyl (40) stearate NF, propylparaben NF, methylparaben NF and purified water USP.",
)
case(
    "triamcinolone-oint-infant",
    "Triamcinolone Acetonide Ointment USP 0.1% on a baby",
    "https://prescriberpoint.com/therapies/triamcinolone-acetonide-a5cc640",
    "infant",
    "Triamcinolone Acetonide Ointment USP 0.1%",
    "Triamcinolone Acetonide Ointment USP, 0.1% contains: 1 mg triamcinolone acetonide per gram in a base containing white petrolatum and mineral oil.",
)
case(
    "cicalfate-postproc",
    "Avene Cicalfate Restorative Skin Cream (after a peel)",
    "http://www.paulaschoice.com/beautypedia-skin-care-reviews/by-brand/avene/_/Cicalfate-Restorative-Skin-Cream",
    "post-procedure",
    "Avene Cicalfate Restorative Skin Cream",
    "Water, Caprylic/Capric Triglycerides, Mineral Oil (Paraffinum Liquidum), Glycerin, Hydrogenated Vegetable Oil, Zinc Oxide, Propylene Glycol, Polyglyceryl-2 Sesquiisostearate, PEG-22 Dodecyl Glycol Copolymer, Aluminum Sucrose Octasulfate, Aluminum Stearate, Beeswax (Cera Alba), Copper Sulfate, Magnesium Stearate, Magnesium Sulfate, Microcrystalline Wax (Cera Microcristallina), Zinc Sulfate",
)
case(
    "effaclar-duo",
    "La Roche-Posay Effaclar Duo(+) (RU/EU list)",
    "https://www.freemz.info/post/review-of-la-roche-posay-effaclar-duo-problem-skin-gel",
    None,
    "La Roche-Posay Effaclar DUO (+) corrective cream-gel",
    "Ingredients: Aqua/Water, Glycerin, Dimethicone, Isocetyl Stearate, Niacinamide, Isopropyl Lauroyl Sarcosinate, Silica, Ammonium Polyacryldimethyltauramide / Ammonium, Polyacryloyldimethyl Taurate, Methyl Methacrylate Crosspolymer, Potassium Cetyl Phosphate, Zinc Pca, Glyceryl Stearate Se, Isohexadecane, Sodium Hydroxide, Myristyl Myristate, 2-Oleamido-1,3-Octadecanediol, Nylon-12, Poloxamer 338, Linoleic Acid, Disodium Edta, Capryloyl Salicylic Acid, Caprylyl Glycol, Xanthan Gum, Polysorbate 80, Acrylamide / Sodium Acryloyldimethyltaurate Copolymer, Pentaerythrityl Tetra-Di-T-Butyl Hydroxyhydrocinnamate, Salicylic Acid, Piroctone Olamine, Parfum/Fragrance.",
)
case(
    "hadalabo-lotion",
    "Hada Labo Goku-Jyun Hydrating Lotion",
    "https://roiskicom.wordpress.com/tag/hydrating-lotion/",
    None,
    "Hada Labo Goku Jyun Hydrating Lotion",
    "Water, Butylene Glycol, Glycerin, Hydrolyzed Hyaluronic Acid, Sodium Acetyl Hyaluronate, Sodium Hyaluronate, PPG-10 Methyl Glucose Ether, Disodium Succinate, Hydroxyethylcellulose, Succinic Acid, Methylparaben",
)
case(
    "hadalabo-premium-emulsion",
    "Hada Labo Gokujyun Premium Hyaluronic Acid Emulsion (petrolatum)",
    "https://skinsort.com/products/hada-labo/gokujyun-premium-hyaluronic-acid-emulsion-old-4-gDevw",
    None,
    "Hada Labo Gokujyun Premium Hyaluronic Acid Emulsion",
    "Tranexamic Acid, Sodium Hyaluronate, Hydrolyzed Hyaluronic Acid, 3-O-Ethyl Ascorbic Acid, Tocopherol, Glycerin, Diglycerin, Dipropylene Glycol, Sorbitol, Pentylene Glycol, PPG-17-Buteth-17, Polyglyceryl-10 Eicosanedioate/Tetradecanedioate, Butylene Glycol, Diethoxyethyl Succinate, PPG-8-Ceteth-20, Squalane, Polyquaternium-51, Petrolatum, Cetearyl Alcohol, Behenyl Alcohol, Xanthan Gum, Acrylic Acid/C12-22 Alkyl Acrylate Copolymer, Carbomer, PEG-20 Sorbitan Isostearate, Glyceryl Stearate, EDTA, Triethanolamine, Sodium Metabisulfite, Phenoxyethanol, Iodopropynyl Butylcarbamate, Methylparaben",
)
case(
    "cicaplast-defense-postproc",
    "La Roche-Posay Cicaplast Defense B5 (glycerin 21%) after laser",
    "https://dailymed.nlm.nih.gov/dailymed/drugInfo.cfm?setid=32eaaaab-41bd-4efe-a71d-92e3a702c1e5",
    "post-procedure",
    "Cicaplast Defense B5 Skin Protectant",
    """Active ingredient
Glycerin 21%
Purpose
Skin protectant
Uses
• temporarily protects and helps relieve chapped or cracked skin
Warnings
For external use only
Inactive ingredients
water, dimethicone, panthenol, pentylene glycol, c30-45 alkyl dimethicone, polybutene, sodium citrate, PEG/PPG-18/18 dimethicone, citric acid, dimethiconol, polysorbate 20, madecassoside, caprylyl glycol, sodium hyaluronate, zinc gluconate, copper gluconate, manganese gluconate, tocopherol""",
)
case(
    "effaclar-adapalene",
    "La Roche-Posay Effaclar Adapalene Gel 0.1% (Drug Facts)",
    "https://ndclist.com/ndc/49967-592/label",
    None,
    "Effaclar Adapalene Gel 0.1% Acne Treatment",
    """Active Ingredient
Adapalene USP, 0.1% (retinoid)*
*read consumer information leaflet
Purpose
Acne treatment
Warnings
For external use only
Do not use
If pregnant or breastfeeding, ask a doctor before use.
Inactive ingredients
carbomer homopolymer, edetate disodium, penoxyethanol, poloxamer 182, propylene glycol, purified water, and sodium hydroxide""",
)
case(
    "cvs-adapalene-preg",
    "CVS Adapalene Gel 0.1% (pregnant user)",
    "https://dailymed.nlm.nih.gov/dailymed/fda/fdaDrugXsl.cfm?setid=7fb758ce-4f15-4130-8612-9113a764b5cd&type=display",
    "pregnancy",
    "CVS Adapalene Gel",
    """Adapalene Gel
Active ingredient
Adapalene USP 0.1% (retinoid)*
*read consumer information leaflet
Purpose
Acne treatment
Use
Warnings
For external use only
Pregnancy/Breastfeeding,
ask a doctor before use.
Inactive ingredients
carbomer homopolymer, edetate disodium, methylparabem, poloxamer 182, propylene glycol, purified water, sodium hydroxide""",
)
case(
    "dhc-sulfur",
    "DHC Acne Spot Therapy (sulfur 3%)",
    "https://dailymed.nlm.nih.gov/dailymed/fda/fdaDrugXsl.cfm?setid=84d49048-95cf-4f14-9698-c746237fec9d&type=display",
    None,
    "DHC Acne Spot Therapy",
    """DHC Acne Spot Therapy
Drug Facts
Active Ingredient
Sulfur 3%
Purpose
Acne treatment
Uses
For the management of acne. Helps clear up acne blemishes.
Warnings
For external use only
Inactive Ingredients
water, butylene glycol, isononyl isononanoate, cetearyl alcohol, sorbitan stearate, ceteareth-20, phenoxyethanol, sucrose cocoate, xanthan gum, sodium citrate, citric acid, allantoin, disodium EDTA, magnesium ascorbyl phosphate, tocopherol, sodium hydroxide, brassica campestris (rapeseed) seed oil, glycyrrhiza glabra (licorice) root extract, camellia sinensis leaf extract, royal jelly extract, scutellaria baicalensis root extract, houttuynia cordata extract, perilla ocymoides leaf extract, aloe barbadensis leaf extract""",
)
case(
    "seventhgen-baby-spf",
    "Seventh Generation Baby Sunscreen SPF 30 (zinc 20%)",
    "http://www.drugs.com/otc/114526/baby-sunscreen-spf-30.html",
    "infant",
    "Seventh Generation Baby Sunscreen SPF 30",
    """BABY SUNSCREEN
ZINC OXIDE 20%
SUNSCREEN
Other Information
• protect the product in this container from excessive heat and direct sun
Warnings
For external use only
Inactive ingredients Aloe barbadensis leaf juice, anthemis
nobilis flower oil, caprylic/capric triglycerides, helianthus annuus seed
oil, hydrogenated methyl abietate, lavandula angustifolia flower oil,
magnesium sulfate, olea europaea fruit oil, polyaminopropyl
biguanide, polyglycerol-10 laurate, ricinus communis seed oil,
simmondsia chinensis seed oil, sorbitan stearate, tocopherol, water.""",
)
