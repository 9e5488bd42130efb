"""Reading review: real-label forms run through the screener's reader.

Run:  .venv/bin/python benchmarks/review_2026-12-03/reading.py [case-id ...] [-v]

Each case: id, cls (form family), src (where the form is seen), text, expect.
expect items:  "Glycerin"            matched INCI (case-insensitive), no may-contain, no percent
               "?CI 77491"           flagged may_contain
               "Salicylic Acid@2"    printed percent 2 (the reader's percent)
               "A|B|~"               any of the alternatives; "~" = unknown (inci None)
               "Glycerin@*"          percent not checked
A case may set uncertain=True: the verdict must be 'uncertain' (native-script lists).
"""

from __future__ import annotations

import difflib
import sys

sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[2]))

from screener import screen  # noqa: E402
from screener.screen import get_screener  # noqa: E402

# ============================================================ cases
CASES = []


def case(id, cls, src, text, expect, **kw):
    CASES.append(dict(id=id, cls=cls, src=src, text=text, expect=expect, **kw))


# ---------------------------------------------------------------- EU multilingual
case(
    "eu_heading_triple",
    "eu-multilingual",
    "EU packs (L'Oreal group cartons)",
    "INGREDIENTS/INGRÉDIENTS/INHALTSSTOFFE: AQUA/WATER/EAU, GLYCERIN, CETEARYL ALCOHOL, "
    "PARFUM/FRAGRANCE, CI 77891/TITANIUM DIOXIDE.",
    ["Aqua", "Glycerin", "Cetearyl Alcohol", "Parfum", "Titanium Dioxide"],
)

case(
    "eu_three_lists",
    "eu-multilingual",
    "EU organic brands printing INCI then FR/DE translations",
    "Ingredients: Aqua, Glycerin, Butyrospermum Parkii Butter*.\n"
    "Ingrédients : Aqua, Glycérine, Beurre de karité*.\n"
    "Inhaltsstoffe: Wasser, Glycerin, Sheabutter*.\n*organic",
    ["Aqua", "Glycerin", "Butyrospermum Parkii Butter"],
)

case(
    "eu_heading_six",
    "eu-multilingual",
    "pan-EU cartons (Nivea, Garnier) ",
    "Ingredients/Ingrédients/Ingredientes/Ingredienti/Bestanddelen/Składniki: Aqua, "
    "Paraffinum Liquidum, Cera Microcristallina, Glycerin, Lanolin Alcohol (Eucerit®), Paraffin, "
    "Panthenol, Magnesium Sulfate, Decyl Oleate, Parfum, Limonene",
    [
        "Aqua",
        "Paraffinum Liquidum",
        "Cera Microcristallina",
        "Glycerin",
        "Lanolin Alcohol",
        "Paraffin",
        "Panthenol",
        "Magnesium Sulfate",
        "Decyl Oleate",
        "Parfum",
        "Limonene",
    ],
)

case(
    "eu_inci_label_colon",
    "eu-multilingual",
    "Polish/Italian e-shops: 'Skład (INCI):', 'Ingredienti (INCI):'",
    "Skład (INCI): Aqua, Glycerin, Cetearyl Alcohol, Sodium Benzoate, Potassium Sorbate",
    ["Aqua", "Glycerin", "Cetearyl Alcohol", "Sodium Benzoate", "Potassium Sorbate"],
)

case(
    "es_agua_alias",
    "eu-multilingual",
    "Spanish packs: 'Ingredientes: Aqua (Agua)'",
    "Ingredientes: Aqua (Agua), Glycerin, Caprylic/Capric Triglyceride, Parfum (Fragancia), "
    "Tocopherol.",
    ["Aqua", "Glycerin", "Caprylic/Capric Triglyceride", "Parfum", "Tocopherol"],
)

case(
    "fr_local_names",
    "local-names",
    "French artisanal soap/cream makers (savonneries) print French names",
    "Ingrédients : eau, huile d'olive*, beurre de karité*, cire d'abeille, glycérine végétale, "
    "huile essentielle de lavande*. *issus de l'agriculture biologique",
    [
        "~|Aqua",
        "~|Olea Europaea Fruit Oil",
        "~|Butyrospermum Parkii Butter",
        "~|Cera Alba",
        "~|Glycerin",
        "~|Lavandula Angustifolia Oil",
    ],
)

case(
    "de_local_names",
    "local-names",
    "German Naturkosmetik home-made/Etsy labels",
    "Zutaten: Wasser, Mandelöl, Sheabutter, Bienenwachs, Glycerin, Lavendelöl",
    [
        "~|Aqua",
        "~|Prunus Amygdalus Dulcis Oil",
        "Butyrospermum Parkii Butter|~",
        "~|Cera Alba",
        "Glycerin",
        "~|Lavandula Angustifolia Oil",
    ],
)

case(
    "it_local_names",
    "local-names",
    "Italian erboristeria labels",
    "Ingredienti: acqua, olio di mandorle dolci, burro di karité, cera d'api, glicerina",
    [
        "~|Aqua",
        "~|Prunus Amygdalus Dulcis Oil",
        "~|Butyrospermum Parkii Butter",
        "~|Cera Alba",
        "~|Glycerin",
    ],
)

case(
    "pl_local_names",
    "local-names",
    "Polish hand-made cosmetics (Skład:)",
    "Skład: woda, olej ze słodkich migdałów, masło shea, wosk pszczeli, gliceryna",
    [
        "~|Aqua",
        "~|Prunus Amygdalus Dulcis Oil",
        "~|Butyrospermum Parkii Butter",
        "~|Cera Alba",
        "~|Glycerin",
    ],
)

case(
    "es_local_names",
    "local-names",
    "Spanish artisan cosmetics",
    "Ingredientes: agua, aceite de almendras dulces, manteca de karité, cera de abeja, glicerina",
    [
        "~|Aqua",
        "~|Prunus Amygdalus Dulcis Oil",
        "~|Butyrospermum Parkii Butter",
        "~|Cera Alba",
        "~|Glycerin",
    ],
)

# ---------------------------------------------------------------- may contain
case(
    "may_bracket_bilingual",
    "may-contain",
    "Maybelline/L'Oreal US-CA eyeshadow: '[+/- (May Contain / Peut Contenir): ...]'",
    "Talc, Mica, Dimethicone, Zinc Stearate, Phenoxyethanol. [+/- (May Contain / Peut Contenir): "
    "CI 77491, CI 77492, CI 77499 (Iron Oxides), CI 77891 (Titanium Dioxide), CI 77007 (Ultramarines)]",
    [
        "Talc",
        "Mica",
        "Dimethicone",
        "Zinc Stearate",
        "Phenoxyethanol",
        "?CI 77491",
        "?CI 77492",
        "?CI 77499|Iron Oxides",
        "?Titanium Dioxide",
        "?CI 77007|Ultramarines",
    ],
)

case(
    "may_slash_run",
    "may-contain",
    "NYX/L'Oreal cartons 'MAY CONTAIN/PEUT CONTENIR/+/-:'",
    "Mica, Talc, Caprylic/Capric Triglyceride, Ethylhexyl Palmitate. MAY CONTAIN/PEUT CONTENIR/+/-: "
    "CI 77491, CI 77492, CI 77499, CI 15850, CI 19140.",
    [
        "Mica",
        "Talc",
        "Caprylic/Capric Triglyceride",
        "Ethylhexyl Palmitate",
        "?CI 77491",
        "?CI 77492",
        "?CI 77499",
        "?CI 15850",
        "?CI 19140",
    ],
)

case(
    "may_shade_note",
    "may-contain",
    "French palettes: 'Pour les produits présentant plusieurs teintes...'",
    "Talc, Mica, Silica. Peut contenir / May contain: CI 77891, CI 77491. "
    "Pour les produits présentant plusieurs teintes: voir composition sur étiquette.",
    ["Talc", "Mica", "Silica", "?Titanium Dioxide", "?CI 77491"],
)

case(
    "may_ocr_cl",
    "may-contain",
    "OCR of '+/- CI' blocks",
    "Ingredients: Talc, Mica, Octyldodecyl Stearoyl Stearate. +/- Cl 77891, Cl 77491, Cl 77492.",
    [
        "Talc",
        "Mica",
        "Octyldodecyl Stearoyl Stearate",
        "?Titanium Dioxide",
        "?CI 77491",
        "?CI 77492",
    ],
)

case(
    "may_ci_group",
    "may-contain",
    "Sephora US catalogue: 'May Contain (+/-): Iron Oxides (Ci 77492, 77491, 77499)'",
    "Silica, Polymethyl Methacrylate, Ethylhexylglycerin. May Contain (+/-): Iron Oxides "
    "(Ci 77492, 77491, 77499), Titanium Dioxide (Ci 77891).",
    [
        "Silica",
        "Polymethyl Methacrylate",
        "Ethylhexylglycerin",
        "?Iron Oxides|CI 77492",
        "?Titanium Dioxide",
    ],
)

case(
    "may_plusminus_sign",
    "may-contain",
    "EU cartons printing '±' instead of '+/-'",
    "Cyclopentasiloxane, Talc, Mica, Dimethicone ± CI 77891, CI 77491, CI 77492",
    [
        "Cyclopentasiloxane",
        "Talc",
        "Mica",
        "Dimethicone",
        "?Titanium Dioxide",
        "?CI 77491",
        "?CI 77492",
    ],
)

case(
    "may_local_langs",
    "may-contain",
    "EU cartons: 'Kann enthalten / Puede contener / Può contenere / Może zawierać'",
    "Mica, Talc, Dimethicone. Kann enthalten/Puede contener/Può contenere/Może zawierać: CI 77491, CI 77891",
    ["Mica", "Talc", "Dimethicone", "?CI 77491", "?Titanium Dioxide"],
)

case(
    "may_multishade",
    "may-contain",
    "palettes listing per shade ('Shade 1 / Shade 2' or shade names)",
    "Shade 1: Talc, Mica, Zinc Stearate, CI 77891. Shade 2: Mica, Talc, Dimethicone, CI 77491.",
    [
        "Talc",
        "Mica",
        "Zinc Stearate",
        "Titanium Dioxide",
        "Mica",
        "Talc",
        "Dimethicone",
        "CI 77491",
    ],
)

# ---------------------------------------------------------------- footnotes
case(
    "foot_ecocert_tail",
    "footnotes",
    "Ecocert/COSMOS labels (e.g. Melvita, Lavera, Weleda)",
    "Aqua, Aloe Barbadensis Leaf Juice*, Glycerin, Cetearyl Alcohol, Parfum (Fragrance)**, "
    "Sodium Benzoate. *Ingredients from Organic Farming **Made using organic ingredients. "
    "99% of the total ingredients are from natural origin. 22% of the total ingredients are from "
    "organic farming.",
    [
        "Aqua",
        "Aloe Barbadensis Leaf Juice",
        "Glycerin",
        "Cetearyl Alcohol",
        "Parfum",
        "Sodium Benzoate",
    ],
)

case(
    "foot_superscripts",
    "footnotes",
    "US indie brands using ¹²³ marks",
    "Water, Aloe Barbadensis Leaf Juice¹, Squalane², Glycerin, Tocopherol³. ¹Certified organic "
    "²Plant-derived ³Non-GMO",
    ["Aqua", "Aloe Barbadensis Leaf Juice", "Squalane", "Glycerin", "Tocopherol"],
)

case(
    "foot_fr",
    "footnotes",
    "French labels: '*ingrédients issus de l'agriculture biologique'",
    "Aqua, Helianthus Annuus Seed Oil*, Glycerin, Cetearyl Alcohol, Parfum. "
    "*Ingrédients issus de l'Agriculture Biologique. 98% du total des ingrédients sont d'origine naturelle.",
    ["Aqua", "Helianthus Annuus Seed Oil", "Glycerin", "Cetearyl Alcohol", "Parfum"],
)

case(
    "foot_de",
    "footnotes",
    "German NATRUE labels: '*aus kontrolliert biologischem Anbau'",
    "Aqua, Prunus Amygdalus Dulcis Oil*, Glycerin, Alcohol*, Parfum**. *aus kontrolliert "
    "biologischem Anbau **aus natürlichen ätherischen Ölen",
    ["Aqua", "Prunus Amygdalus Dulcis Oil", "Glycerin", "Alcohol", "Parfum"],
)

case(
    "foot_bronner",
    "footnotes",
    "Dr. Bronner's style footnote prose",
    "Water, Organic Coconut Oil*, Potassium Hydroxide**, Organic Olive Oil*, Citric Acid, Tocopherol. "
    "*Certified Fair Trade **None remains after saponifying oils into soap & glycerin",
    [
        "Aqua",
        "Cocos Nucifera Oil",
        "Potassium Hydroxide",
        "Olea Europaea Fruit Oil",
        "Citric Acid",
        "Tocopherol",
    ],
)

case(
    "foot_weleda_tail",
    "footnotes",
    "Weleda/NATRUE: '*from certified organic agriculture' then natural-origin sentence",
    "Water (Aqua), Prunus Amygdalus Dulcis (Sweet Almond) Oil*, Alcohol*, Glycerin, Fragrance (Parfum)**, "
    "Limonene**, Linalool**. *Ingredients from certified organic agriculture **from natural essential oils",
    [
        "Aqua",
        "Prunus Amygdalus Dulcis Oil",
        "Alcohol",
        "Glycerin",
        "Parfum",
        "Limonene",
        "Linalool",
    ],
)

# ---------------------------------------------------------------- percentages
case(
    "pct_colon",
    "percentages",
    "brand sites / Korean pages: 'Niacinamide: 10%' inside the list",
    "Aqua, Niacinamide: 10%, Zinc PCA: 1%, Glycerin",
    ["Aqua", "Niacinamide@10", "Zinc PCA@1", "Glycerin"],
)

case(
    "pct_ppm_thousands",
    "percentages",
    "Korean lists (Purito, Some By Mi): 'Madecassoside 1,000ppm', 'Centella Asiatica Extract(10,000ppm)'",
    "Centella Asiatica Extract(10,000ppm), Water, Madecassoside 1,000ppm, Glycerin",
    ["Centella Asiatica Extract", "Aqua", "Madecassoside", "Glycerin"],
)

case(
    "pct_styles",
    "percentages",
    "The Ordinary / Paula's Choice / EU actives",
    "Aqua, Niacinamide (10%), Zinc PCA 1%, Panthenol (5 %), 5 % Urea, Titanium Dioxide 6,5%, "
    "Glycolic Acid 7% w/w, Azelaic Acid (10 % w/w), Retinol 0.3 %, Glycerin",
    [
        "Aqua",
        "Niacinamide@10",
        "Zinc PCA@1",
        "Panthenol@5",
        "Urea@5",
        "Titanium Dioxide@6.5",
        "Glycolic Acid@7",
        "Azelaic Acid@10",
        "Retinol@0.3",
        "Glycerin",
    ],
)

case(
    "pct_korean_pct",
    "percentages",
    "COSRX / Beauty of Joseon English lists",
    "Snail Secretion Filtrate (96%), Betaine, Butylene Glycol, 1,2-Hexanediol, Sodium Polyacrylate, "
    "Phenoxyethanol, Sodium Hyaluronate, Allantoin, Ethyl Hexanediol, Carbomer, Panthenol, Arginine",
    [
        "Snail Secretion Filtrate@96",
        "Betaine",
        "Butylene Glycol",
        "1,2-Hexanediol",
        "Sodium Polyacrylate",
        "Phenoxyethanol",
        "Sodium Hyaluronate",
        "Allantoin",
        "Ethyl Hexanediol",
        "Carbomer",
        "Panthenol",
        "Arginine",
    ],
)

case(
    "pct_single_100",
    "percentages",
    "single-ingredient oils: 'Ingredients: 100% Squalane' / '100% Rosehip Oil'",
    "Ingredients: 100% Cold-Pressed Rosa Canina Fruit Oil",
    ["Rosa Canina Fruit Oil@*"],
)

# ---------------------------------------------------------------- Korean / Japanese
case(
    "kr_native",
    "native-script",
    "Korean packs '전성분:' (Olive Young listings)",
    "전성분: 정제수, 글리세린, 부틸렌글라이콜, 나이아신아마이드, 1,2-헥산다이올, 판테놀, 알란토인, 아데노신",
    ["~"] * 8,
    uncertain=True,
)

case(
    "jp_native",
    "native-script",
    "Japanese 全成分 (Hada Labo Gokujun, coolbeauty01.com/gokujun-premium-hyaluronic-acid-all-ingredients)",
    "全成分：水、BG、ヒドロキシエチルウレア、ペンチレングリコール、DPG、ジグリセリン、ヒアルロン酸Na、"
    "PEG-32、カルボマー、水酸化K、EDTA-2Na、フェノキシエタノール",
    [
        "~",
        "Butylene Glycol",
        "~",
        "~",
        "Dipropylene Glycol",
        "~",
        "~|Sodium Hyaluronate",
        "PEG-32",
        "~",
        "~|Potassium Hydroxide",
        "Disodium EDTA",
        "~",
    ],
    uncertain=True,
)

case(
    "cn_native",
    "native-script",
    "Chinese 成分 (cosdna/checkcosmetic listings)",
    "成分：水、甘油、丁二醇、烟酰胺、透明质酸钠、苯氧乙醇",
    ["~"] * 6,
    uncertain=True,
)

case(
    "kr_bilingual_paren",
    "native-script",
    "Korean sites printing '정제수(Water)'",
    "[전성분] 정제수(Water), 글리세린(Glycerin), 나이아신아마이드(Niacinamide), 판테놀(Panthenol)",
    ["Aqua", "Glycerin", "Niacinamide", "Panthenol"],
)

case(
    "jp_quasi_drug_en",
    "korean-japanese-english",
    "Japanese quasi-drug (医薬部外品) English: 'Active ingredients: ... Other ingredients:'",
    "Active Ingredients: Tranexamic Acid, Dipotassium Glycyrrhizate. Other Ingredients: Water, "
    "Butylene Glycol, Glycerin, PEG-8, Carbomer, Potassium Hydroxide, Methylparaben",
    [
        "Tranexamic Acid",
        "Dipotassium Glycyrrhizate",
        "Aqua",
        "Butylene Glycol",
        "Glycerin",
        "PEG-8",
        "Carbomer",
        "Potassium Hydroxide",
        "Methylparaben",
    ],
)

case(
    "kr_water_noparen_space",
    "korean-japanese-english",
    "Korean English lists: 'Water(Aqua)', 'Fragrance(Parfum)' without spaces",
    "Water(Aqua), Butylene Glycol, Dipropylene Glycol, Glycerin, Methyl Gluceth-20, Hydrogenated "
    "Lecithin, Beta-Glucan, Adenosine, Fragrance(Parfum), Ethylhexylglycerin",
    [
        "Aqua",
        "Butylene Glycol",
        "Dipropylene Glycol",
        "Glycerin",
        "Methyl Gluceth-20",
        "Hydrogenated Lecithin",
        "Beta-Glucan",
        "Adenosine",
        "Parfum|Fragrance",
        "Ethylhexylglycerin",
    ],
)

case(
    "jp_sunscreen_en",
    "korean-japanese-english",
    "Biore UV Aqua Rich (JP) English list",
    "Water, Ethylhexyl Methoxycinnamate, Alcohol, Diethylamino Hydroxybenzoyl Hexyl Benzoate, "
    "Bis-Ethylhexyloxyphenol Methoxyphenyl Triazine, Isopropyl Palmitate, Dextrin Palmitate, "
    "Lauryl Methacrylate/Sodium Methacrylate Crosspolymer, Xylitol, Glycerin, Isododecane",
    [
        "Aqua",
        "Ethylhexyl Methoxycinnamate",
        "Alcohol",
        "Diethylamino Hydroxybenzoyl Hexyl Benzoate",
        "Bis-Ethylhexyloxyphenol Methoxyphenyl Triazine",
        "Isopropyl Palmitate",
        "Dextrin Palmitate",
        "Lauryl Methacrylate/Sodium Methacrylate Crosspolymer",
        "Xylitol",
        "Glycerin",
        "Isododecane",
    ],
)

# ---------------------------------------------------------------- Indian Ayurvedic / Indian Rx
case(
    "in_vicco_style",
    "indian",
    "Vicco Turmeric-type AYUSH label (turmeric 16% w/w, sandalwood oil 0.5% w/w in a base: browngirlmakeupmusings.blogspot.com/2015/06/vicco-turmeric-cream-review.html)",
    "Composition: Haridra (Curcuma longa) 16% w/w, Chandan Tail (Santalum album oil) 0.5% w/w, "
    "Cream base q.s.",
    [
        "Curcuma Longa Root Extract|Curcuma Longa Root Powder|Curcuma Longa|~@16",
        "Santalum Album Oil@0.5",
    ],
)

case(
    "in_each_10g",
    "indian",
    "Patanjali/Dabur Ayurvedic creams: 'Each 10 g contains ... Base q.s.'",
    "Each 10 g contains: Aloe vera (Aloe barbadensis) 1.5 g, Haldi (Curcuma longa) 100 mg, "
    "Kesar (Crocus sativus) 2 mg, Chandan (Santalum album) 100 mg, Base q.s.",
    [
        "Aloe Vera|Aloe Barbadensis|Aloe Barbadensis Leaf Extract|~@15",
        "Haldi|Curcuma Longa Root Extract|~@1",
        "Kesar|Crocus Sativus Stigma Extract|~@0.02",
        "Santalum Album Extract|Santalum Album Oil|~@1",
    ],
)

case(
    "in_each_100g_extracts",
    "indian",
    "Himalaya-type AYUSH creams: 'Each 100 g contains: Extracts: ... Preservatives: Methyl Paraben IP'",
    "Each 100 g contains: Extracts: Neem (Azadirachta indica) Lf. 0.5 g, Haridra (Curcuma longa) Rz. 0.5 g. "
    "Preservatives: Methyl Paraben IP 0.2% w/w, Propyl Paraben IP 0.02% w/w. Cream base q.s.",
    [
        "Azadirachta Indica Leaf Extract|Azadirachta Indica|~@0.5",
        "Curcuma Longa Root Extract|Curcuma Longa|~@0.5",
        "Methylparaben@0.2",
        "Propylparaben@0.02",
    ],
)

case(
    "in_rx_ip",
    "indian",
    "Indian Rx cartons: 'Composition: Clobetasol Propionate IP 0.05% w/w ... Cream base q.s.'",
    "Composition: Clobetasol Propionate IP 0.05% w/w, Chlorocresol IP 0.1% w/w (as preservative), "
    "Cream base q.s.",
    ["Clobetasol Propionate|~@0.05", "Chlorocresol@0.1"],
)

case(
    "in_rx_equivalent",
    "indian",
    "Indian Rx: 'Clindamycin Phosphate IP equivalent to Clindamycin 1% w/w'",
    "Each gram contains: Adapalene 0.1% w/w, Clindamycin Phosphate IP equivalent to Clindamycin 1% w/w, "
    "Gel base q.s.",
    ["Adapalene@0.1", "Clindamycin Phosphate|~@1"],
)

case(
    "in_common_names",
    "indian",
    "Indian herbal brands listing Hindi/Sanskrit names (Khadi, Biotique)",
    "Ingredients: Haldi, Chandan, Manjistha, Neem, Tulsi, Kesar, Aloe Vera, Base",
    ["Haldi|~", "~", "Manjistha|~", "Neem|~", "Tulsi|~", "Kesar|~", "Aloe Vera|Aloe Barbadensis|~"],
)

# ---------------------------------------------------------------- US Drug Facts
case(
    "df_one_line",
    "drug-facts",
    "DailyMed OTC sunscreen pasted in one line (dailymed setid 82f265e7-...)",
    "Drug Facts Active ingredients Purpose Avobenzone 3.0% Sunscreen Homosalate 10.0% Sunscreen "
    "Octisalate 5.0% Sunscreen Octocrylene 10.0% Sunscreen Uses helps prevent sunburn Warnings For "
    "external use only Do not use on damaged or broken skin Keep out of reach of children. Directions "
    "apply liberally 15 minutes before sun exposure Inactive ingredients water, glycerin, dimethicone, "
    "cetearyl alcohol, phenoxyethanol, tocopherol Other information protect this product from excessive "
    "heat and direct sun Questions? 1-800-000-0000",
    [
        "Butyl Methoxydibenzoylmethane@3",
        "Homosalate@10",
        "Ethylhexyl Salicylate@5",
        "Octocrylene@10",
        "Aqua",
        "Glycerin",
        "Dimethicone",
        "Cetearyl Alcohol",
        "Phenoxyethanol",
        "Tocopherol",
    ],
)

case(
    "df_comma_pct",
    "drug-facts",
    "DailyMed AQUA PROTECTION SPF50 (setid 627e6ea5-...): 'Avobenzone, 3.0%'",
    "Active Ingredients\nAvobenzone, 3.0%\nHomosalate 9.0%\nOctisalate 4.5%\nOctocrylene, 5.0%\nPurpose\n"
    "Sunscreen\nInactive ingredients\nWater (Aqua), Dipropylene Glycol, Propylene Glycol, Ceteareth-20",
    [
        "Butyl Methoxydibenzoylmethane@3",
        "Homosalate@9",
        "Ethylhexyl Salicylate@4.5",
        "Octocrylene@5",
        "Aqua",
        "Dipropylene Glycol",
        "Propylene Glycol",
        "Ceteareth-20",
    ],
)

case(
    "df_leading_pct",
    "drug-facts",
    "DailyMed SPF 15 lotion (setid 909dda1f-...): '2% Avobenzone' lines",
    "Active Ingredients\n2% Avobenzone\n10% Homosalate\n5% Octisalate\n5% Octocrylene\nPurpose\nSunscreen\n"
    "Uses\nhelps prevent sunburn\nInactive Ingredients\nAcrylates/C10-30 Alkyl Acrylate Crosspolymer, "
    "Aloe Barbadensis Leaf Juice, Benzyl Alcohol, Carbomer, Water",
    [
        "Butyl Methoxydibenzoylmethane@2",
        "Homosalate@10",
        "Ethylhexyl Salicylate@5",
        "Octocrylene@5",
        "Acrylates/C10-30 Alkyl Acrylate Crosspolymer",
        "Aloe Barbadensis Leaf Juice",
        "Benzyl Alcohol",
        "Carbomer",
        "Aqua",
    ],
)

case(
    "df_acne",
    "drug-facts",
    "OTC acne wash panel (Neutrogena/CeraVe SA cleanser cartons)",
    "Drug Facts\nActive ingredient Purpose\nSalicylic acid 2% ........ Acne treatment\nUses\n"
    "for the treatment of acne\nWarnings\nFor external use only\nInactive ingredients water, sodium "
    "C14-16 olefin sulfonate, cocamidopropyl betaine, sodium chloride, fragrance",
    [
        "Salicylic Acid@2",
        "Aqua",
        "Sodium C14-16 Olefin Sulfonate",
        "Cocamidopropyl Betaine",
        "Sodium Chloride",
        "Parfum|Fragrance",
    ],
)

case(
    "df_canada_bilingual",
    "drug-facts",
    "Canadian sunscreen/NHP cartons: 'Medicinal ingredients / Ingrédients médicinaux'",
    "Medicinal Ingredients/Ingrédients médicinaux: Zinc Oxide/Oxyde de zinc 20%. Non-medicinal "
    "ingredients/Ingrédients non médicinaux: Water/Eau, Caprylic/Capric Triglyceride, Glycerin, "
    "Cetearyl Alcohol, Tocopherol",
    [
        "Zinc Oxide@20",
        "Aqua",
        "Caprylic/Capric Triglyceride",
        "Glycerin",
        "Cetearyl Alcohol",
        "Tocopherol",
    ],
)

case(
    "df_spl_aggregator",
    "drug-facts",
    "SPL aggregator pages (funfoxmeds.com/dailymed/51655f5f-...): 'Octocrylene (70 mg)' and space-run inactives",
    "Active Ingredients Octocrylene (70 mg) Homosalate (50 mg) Avobenzone Inactive Ingredients Aqua, "
    "Glycerin, Silica, Dimethicone",
    [
        "Octocrylene",
        "Homosalate",
        "Butyl Methoxydibenzoylmethane",
        "Aqua",
        "Glycerin",
        "Silica",
        "Dimethicone",
    ],
)

# ---------------------------------------------------------------- package inserts
case(
    "pi_three_strengths",
    "package-insert",
    "DailyMed Mylan tretinoin (setid ba377a5e-...)",
    "Tretinoin Cream contains tretinoin in one of three strengths, 0.1%, 0.05%, or 0.025% by weight, in "
    "a hydrophilic cream vehicle of stearic acid, isopropyl myristate, polyoxyl 40 stearate, stearyl "
    "alcohol, xanthan gum, sorbic acid, butylated hydroxytoluene, and purified water.",
    [
        "Tretinoin",
        "Stearic Acid",
        "Isopropyl Myristate",
        "PEG-40 Stearate",
        "Stearyl Alcohol",
        "Xanthan Gum",
        "Sorbic Acid",
        "BHT",
        "Aqua",
    ],
)

case(
    "pi_each_gram_mg",
    "package-insert",
    "myhealthbox/NLM tretinoin: 'Each gram ... 0.1% (1 mg), 0.05% (0.5 mg) ... vehicle of:'",
    "Each gram of tretinoin cream contains tretinoin in either of three strengths, 0.1% (1 mg), "
    "0.05% (0.5 mg), or 0.025% (0.25 mg) in a hydrophilic cream vehicle of: stearic acid, isopropyl "
    "myristate, polyoxyl 40 stearate, stearyl alcohol, xanthan gum, sorbic acid, butylated "
    "hydroxytoluene, and purified water.",
    [
        "Tretinoin",
        "Stearic Acid",
        "Isopropyl Myristate",
        "PEG-40 Stearate",
        "Stearyl Alcohol",
        "Xanthan Gum",
        "Sorbic Acid",
        "BHT",
        "Aqua",
    ],
)

case(
    "pi_hc_base_of",
    "package-insert",
    "hydrocortisone 2.5% cream inserts (DailyMed)",
    "Each gram contains 25 mg of hydrocortisone USP in a cream base of cetyl alcohol, stearyl alcohol, "
    "white petrolatum, mineral oil, propylene glycol, sodium lauryl sulfate, and purified water.",
    [
        "Hydrocortisone@2.5",
        "Cetyl Alcohol",
        "Stearyl Alcohol",
        "Petrolatum",
        "Mineral Oil|Paraffinum Liquidum",
        "Propylene Glycol",
        "Sodium Lauryl Sulfate",
        "Aqua",
    ],
)

case(
    "pi_triamcinolone",
    "package-insert",
    "triamcinolone cream USP inserts",
    "Each gram of Triamcinolone Acetonide Cream USP, 0.1% contains 1 mg triamcinolone acetonide in a "
    "cream base consisting of white petrolatum, cetostearyl alcohol, sorbitan monostearate, polysorbate 60, "
    "glycerin, sorbic acid and purified water.",
    [
        "Triamcinolone Acetonide@0.1",
        "Petrolatum",
        "Cetearyl Alcohol",
        "Sorbitan Stearate",
        "Polysorbate 60",
        "Glycerin",
        "Sorbic Acid",
        "Aqua",
    ],
)

case(
    "pi_smpc_excipients",
    "package-insert",
    "EU/UK SmPC section 6.1 (e.g. mometasone cream, emc.medicines.org.uk)",
    "Each gram of cream contains 1 mg mometasone furoate. List of excipients: Hexylene glycol, "
    "Phosphoric acid, Stearyl alcohol, Titanium dioxide (E171), Aluminium starch octenylsuccinate, "
    "White beeswax, White soft paraffin, Methyl parahydroxybenzoate (E218), Purified water.",
    [
        "Mometasone Furoate|~@0.1",
        "Hexylene Glycol",
        "Phosphoric Acid",
        "Stearyl Alcohol",
        "Titanium Dioxide",
        "Aluminum Starch Octenylsuccinate",
        "Cera Alba",
        "Petrolatum",
        "Methylparaben",
        "Aqua",
    ],
)

case(
    "pi_uk_also_contains",
    "package-insert",
    "UK emollient cartons (E45-type): 'Contains: White Soft Paraffin BP 14.5% w/w ... Also contains:'",
    "Contains: White Soft Paraffin BP 14.5% w/w, Light Liquid Paraffin Ph. Eur. 12.6% w/w, Anhydrous "
    "Lanolin 1.0% w/w. Also contains: Glycerol Monostearate, Cetyl Alcohol, Sodium Lauryl Sulphate, "
    "Carbomer, Methyl Hydroxybenzoate, Propyl Hydroxybenzoate, Sodium Hydroxide, Disodium Edetate, "
    "Purified Water.",
    [
        "Petrolatum@14.5",
        "Paraffinum Liquidum|Mineral Oil@12.6",
        "Lanolin@1",
        "Glyceryl Stearate",
        "Cetyl Alcohol",
        "Sodium Lauryl Sulfate",
        "Carbomer",
        "Methylparaben",
        "Propylparaben",
        "Sodium Hydroxide",
        "Disodium EDTA",
        "Aqua",
    ],
)

# ---------------------------------------------------------------- scraped catalogue junk
case(
    "scr_show_more_ellipsis",
    "scrape-junk",
    "retailer accordions (Boots, Ulta, Amazon): 'Ingredients: Water…Show more'",
    "Ingredients: Water, Glycerin, Niacinamide, Cetearyl Alcohol…Show more",
    ["Aqua", "Glycerin", "Niacinamide", "Cetearyl Alcohol"],
)

case(
    "scr_read_more",
    "scrape-junk",
    "retailer accordions: '... Read more' / 'See more'",
    "Water, Glycerin, Niacinamide, Cetearyl Alcohol... Read more",
    ["Aqua", "Glycerin", "Niacinamide", "Cetearyl Alcohol"],
)

case(
    "scr_disclaimer_first",
    "scrape-junk",
    "Sephora/Ulta pages where the disclaimer precedes the list",
    "Please be aware that ingredient lists may change or vary from time to time. Please refer to the "
    "ingredient list on the product package you receive for the most up to date list of ingredients. "
    "Water, Glycerin, Niacinamide",
    ["Aqua", "Glycerin", "Niacinamide"],
)

case(
    "scr_highlights",
    "scrape-junk",
    "Sephora 'highlighted ingredients' bullets before the list (sephora_2018 corpus form)",
    "-Hyaluronic Acid: Hydrates skin. -Niacinamide: Brightens. Water, Glycerin, Niacinamide, Sodium Hyaluronate",
    ["Aqua", "Glycerin", "Niacinamide", "Sodium Hyaluronate"],
)

case(
    "scr_html_badge",
    "scrape-junk",
    "Sephora product HTML with badge text",
    "<p><strong>Ingredients:</strong> Aqua&nbsp;(Water),&nbsp;Glycerin<br/>Niacinamide</p><p>Clean at Sephora</p>",
    ["Aqua", "Glycerin", "Niacinamide"],
)

case(
    "scr_name_glued",
    "scrape-junk",
    "Amazon/eBay titles glued to the list",
    "The Ordinary Niacinamide 10% + Zinc 1% 30mlIngredients: Aqua (Water), Niacinamide, Pentylene Glycol, Zinc PCA",
    ["Aqua", "Niacinamide", "Pentylene Glycol", "Zinc PCA"],
)

case(
    "scr_mask_sheet",
    "scrape-junk",
    "Sephora sheet masks: '... Mask: 100% Lyocell.' (sephora_2018 corpus form)",
    "Water, Glycerin, Butylene Glycol, Allantoin, Fragrance. Mask: 100% Lyocell.",
    ["Aqua", "Glycerin", "Butylene Glycol", "Allantoin", "Fragrance|Parfum"],
)

case(
    "scr_li_html",
    "scrape-junk",
    "brand sites listing each ingredient in <li>",
    "<ul><li>Aqua</li><li>Glycerin</li><li>Squalane</li><li>Tocopherol</li></ul>",
    ["Aqua", "Glycerin", "Squalane", "Tocopherol"],
)

case(
    "scr_json_escapes",
    "scrape-junk",
    "scraped JSON-LD with literal escapes",
    "Aqua, Glyc\\u00e9rine, Butyrospermum Parkii Butter,\\nParfum, Tocopherol",
    ["Aqua", "Glycerin", "Butyrospermum Parkii Butter", "Parfum", "Tocopherol"],
)

case(
    "scr_free_of",
    "scrape-junk",
    "brand copy after the list: 'Free of parabens, sulfates...'",
    "Water, Glycerin, Squalane, Tocopherol. Free of parabens, sulfates, phthalates and mineral oil.",
    ["Aqua", "Glycerin", "Squalane", "Tocopherol"],
)

# ---------------------------------------------------------------- OCR
case(
    "ocr_hyphen_wrap",
    "ocr",
    "OCR of narrow carton columns",
    "Aqua, Butyro-\nspermum Parkii Butter, Tocopheryl Ace-\ntate, Caprylic/Capric\nTriglyceride, Glycerin",
    [
        "Aqua",
        "Butyrospermum Parkii Butter",
        "Tocopheryl Acetate",
        "Caprylic/Capric Triglyceride",
        "Glycerin",
    ],
)

case(
    "ocr_zero_for_o",
    "ocr",
    "phone OCR of all-caps cartons ('0' for 'O')",
    "AQUA, GLYCERIN, PHEN0XYETHAN0L, DIMETHIC0NE, S0DIUM HYALURONATE, Cl 77891",
    ["Aqua", "Glycerin", "Phenoxyethanol", "Dimethicone", "Sodium Hyaluronate", "Titanium Dioxide"],
)

case(
    "ocr_one_for_l_rn",
    "ocr",
    "phone OCR ('1' for 'l', 'rn' for 'm')",
    "Aqua, G1ycerin, Dirnethicone, Cetearyl A1cohol, Tocopherol, Xanthan Gurn",
    ["Aqua", "Glycerin", "Dimethicone", "Cetearyl Alcohol", "Tocopherol", "Xanthan Gum"],
)

case(
    "ocr_split_words",
    "ocr",
    "OCR spaces inside words",
    "Aqua , Glycerin , Cetearyl Alcohol , Sodium Hyal uronate , Phenoxy ethanol",
    ["Aqua", "Glycerin", "Cetearyl Alcohol", "Sodium Hyaluronate", "Phenoxyethanol"],
)

case(
    "ocr_line_per_word",
    "ocr",
    "OCR of a wrapped comma list (line breaks inside names, no hyphen)",
    "Aqua, Glycerin, Cetearyl\nAlcohol, Sodium\nHyaluronate, Butylene\nGlycol, Phenoxyethanol",
    [
        "Aqua",
        "Glycerin",
        "Cetearyl Alcohol",
        "Sodium Hyaluronate",
        "Butylene Glycol",
        "Phenoxyethanol",
    ],
)

# ---------------------------------------------------------------- separators / case
case(
    "sep_slash",
    "separators",
    "some Asian export and indie labels separate with ' / '",
    "Water / Glycerin / Niacinamide / Panthenol / Sodium Hyaluronate",
    ["Aqua", "Glycerin", "Niacinamide", "Panthenol", "Sodium Hyaluronate"],
)

case(
    "sep_slash_caps",
    "separators",
    "all-caps slash-separated cartons",
    "AQUA / GLYCERIN / SODIUM HYALURONATE / PHENOXYETHANOL / CITRIC ACID",
    ["Aqua", "Glycerin", "Sodium Hyaluronate", "Phenoxyethanol", "Citric Acid"],
)

case(
    "sep_dash",
    "separators",
    "handmade/Etsy labels separated by ' - '",
    "Water - Glycerin - Niacinamide - Panthenol",
    ["Aqua", "Glycerin", "Niacinamide", "Panthenol"],
)

case(
    "sep_bullets",
    "separators",
    "bullets • and ·",
    "Water • Glycerin • Niacinamide · Panthenol · Allantoin",
    ["Aqua", "Glycerin", "Niacinamide", "Panthenol", "Allantoin"],
)

case(
    "sep_semicolon_caps",
    "separators",
    "all-caps semicolon lists",
    "AQUA; GLYCERIN; CETEARYL ALCOHOL; BUTYROSPERMUM PARKII (SHEA) BUTTER; PARFUM; LINALOOL",
    ["Aqua", "Glycerin", "Cetearyl Alcohol", "Butyrospermum Parkii Butter", "Parfum", "Linalool"],
)

case(
    "sep_newlines",
    "separators",
    "one ingredient a line (brand PDFs)",
    "Ingredients\nWater\nGlycerin\nNiacinamide\nPanthenol\nSodium Hyaluronate",
    ["Aqua", "Glycerin", "Niacinamide", "Panthenol", "Sodium Hyaluronate"],
)

case(
    "sep_final_and",
    "separators",
    "US indie labels ending 'and X'",
    "Water, Glycerin, Squalane and Tocopherol.",
    ["Aqua", "Glycerin", "Squalane", "Tocopherol"],
)

# ---------------------------------------------------------------- more footnotes / codes / allergen advice
case(
    "foot_paren_mark",
    "footnotes",
    "French/Italian organic labels: '(*) Ingrédients issus de l'agriculture biologique' / '(*) da agricoltura biologica'",
    "Aqua, Glycerin*, Cetearyl Alcohol, Parfum. (*) Ingredients from organic farming",
    ["Aqua", "Glycerin", "Cetearyl Alcohol", "Parfum"],
)

case(
    "foot_prose_marked",
    "footnotes",
    "US/UK indie labels: 'Ingredients marked * are certified organic.'",
    "Aqua, Glycerin*, Cetearyl Alcohol, Parfum. Ingredients marked * are certified organic.",
    ["Aqua", "Glycerin", "Cetearyl Alcohol", "Parfum"],
)

case(
    "foot_dagger",
    "footnotes",
    "US labels using † / ✝ marks",
    "Aqua, Glycerin✝, Helianthus Annuus Seed Oil✝, Tocopherol. ✝Certified Organic",
    ["Aqua", "Glycerin", "Helianthus Annuus Seed Oil", "Tocopherol"],
)

case(
    "code_fil",
    "scrape-junk",
    "L'Oreal-group packs end with a formula code 'F.I.L. D41785/1'",
    "Aqua, Glycerin, Dimethicone, Parfum, Linalool. F.I.L. D41785/1",
    ["Aqua", "Glycerin", "Dimethicone", "Parfum", "Linalool"],
)

case(
    "code_fil_paren",
    "scrape-junk",
    "L'Oreal-group packs: '(F.I.L. N° C13459/1)'",
    "Aqua / Water, Glycerin, Cetearyl Alcohol, Parfum / Fragrance. (F.I.L. N° C13459/1)",
    ["Aqua", "Glycerin", "Cetearyl Alcohol", "Parfum"],
)

case(
    "code_iln_backslash",
    "scrape-junk",
    "Estee Lauder-group lists: 'Water\\Aqua\\Eau ... <ILN38979>'",
    "Water\\Aqua\\Eau, Glycerin, Butylene Glycol, Phenoxyethanol <ILN38979>",
    ["Aqua", "Glycerin", "Butylene Glycol", "Phenoxyethanol"],
)

case(
    "allergen_advice",
    "may-contain",
    "UK/EU handmade balms & soaps: 'May contain traces of nuts.'",
    "Butyrospermum Parkii Butter, Cera Alba, Cocos Nucifera Oil, Tocopherol. May contain traces of nuts.",
    ["Butyrospermum Parkii Butter", "Cera Alba", "Cocos Nucifera Oil", "Tocopherol"],
)

case(
    "cn_alpha_note",
    "native-script",
    "Chinese list: must not be called alphabetical",
    "成分：水、甘油、丁二醇、烟酰胺、透明质酸钠、苯氧乙醇",
    ["~"] * 6,
    uncertain=True,
    forbid_note="alphabetical",
)

case(
    "heading_paren_lang",
    "eu-multilingual",
    "EU/Canada packs: 'Ingredientes (INCI):', 'Inhaltsstoffe (INCI):', 'Ingredients (EN):'",
    "Inhaltsstoffe (INCI): Aqua, Glycerin, Cetearyl Alcohol",
    ["Aqua", "Glycerin", "Cetearyl Alcohol"],
)

case(
    "heading_no_colon",
    "scrape-junk",
    "scrapes where the heading and list were separate elements: 'Ingredients Water, ...'",
    "Ingredients Water, Glycerin, Cetearyl Alcohol, Phenoxyethanol",
    ["Aqua", "Glycerin", "Cetearyl Alcohol", "Phenoxyethanol"],
)

case(
    "heading_dash",
    "scrape-junk",
    "marketplaces: 'Ingredients - Water, ...'",
    "Ingredients - Water, Glycerin, Cetearyl Alcohol, Phenoxyethanol",
    ["Aqua", "Glycerin", "Cetearyl Alcohol", "Phenoxyethanol"],
)

case(
    "pi_list_of_excipients_ip",
    "package-insert",
    "Indian Rx: 'I.P.' with dots; UK 'B.P.'",
    "Methylparaben I.P. 0.2% w/w, White Soft Paraffin B.P. 10% w/w, Glycerin I.P.",
    ["Methylparaben@0.2", "Petrolatum@10", "Glycerin"],
)

case(
    "in_charak_form",
    "indian",
    "AYUSH ointment composition (form of Charak Imupsora, ayurvikalp.com/product/Charak-IMUPSORA-Ointment-50g-for-Psoraisis)",
    "Each 5 gm contain (on w/v basis)\nExtracts of the following :\nNimba Melia azadirachta 500 mg\n"
    "Haridra Curcuma longa 200 mg\nYashtimadhu Glycyrrhiza glabra 150 mg\nGel of following\n"
    "Kumari Aloe barbadensis 35 mg\nOil of the following\nNimba tailam Melia azadirachta 10 mg\n"
    "Ointment base q.s.",
    [
        "Melia Azadirachta Leaf Extract|Azadirachta Indica|~@10",
        "Haldi|Curcuma Longa Root Extract|Curcuma Longa|~@4",
        "Glycyrrhiza Glabra Root Extract|Glycyrrhiza Glabra Rhizome/Root Extract|~@3",
        "Aloe Vera|Aloe Barbadensis|Aloe Barbadensis Leaf Extract|~@0.7",
        "Melia Azadirachta Seed Oil|~@0.2",
    ],
)

case(
    "sep_numbered_inline",
    "separators",
    "numbered lists pasted from retailer tables / PDFs",
    "1. Water 2. Glycerin 3. Niacinamide 4. Panthenol 5. Allantoin",
    ["Aqua", "Glycerin", "Niacinamide", "Panthenol", "Allantoin"],
)

case(
    "sep_numbered_lines",
    "separators",
    "numbered one-a-line lists (brand PDFs, INCIDecoder/CosDNA table copies)",
    "1. Water\n2. Glycerin\n3. Niacinamide\n4. Panthenol\n",
    ["Aqua", "Glycerin", "Niacinamide", "Panthenol"],
)

case(
    "desc_dash",
    "scrape-junk",
    "clean-beauty brand sites: 'Glycerin - humectant'",
    "Water, Glycerin - humectant, Squalane - moisturizer, Phenoxyethanol - preservative",
    ["Aqua", "Glycerin", "Squalane", "Phenoxyethanol"],
)

case(
    "may_ci_slash_groups",
    "may-contain",
    "L'Oreal-group tinted products: '[+/- MAY CONTAIN CI 77891 / TITANIUM DIOXIDE, ... CI 77499 / IRON OXIDES]'",
    "Aqua, Cyclopentasiloxane, Glycerin, Dimethicone. [+/- MAY CONTAIN CI 77891 / TITANIUM DIOXIDE, "
    "CI 77491, CI 77492, CI 77499 / IRON OXIDES]",
    [
        "Aqua",
        "Cyclopentasiloxane",
        "Glycerin",
        "Dimethicone",
        "?Titanium Dioxide",
        "?CI 77491",
        "?CI 77492",
        "?CI 77499|Iron Oxides",
    ],
)

case(
    "scr_may_differ_note",
    "scrape-junk",
    "Korean/Japanese retailer pages (YesStyle, Stylevana): '※ Ingredients may differ depending on the manufacturing date'",
    "Water, Glycerin, Niacinamide, Adenosine. ※ The ingredients may differ depending on the manufacturing date.",
    ["Aqua", "Glycerin", "Niacinamide", "Adenosine"],
)

case(
    "df_continued",
    "drug-facts",
    "carton transcripts with 'Drug Facts (continued)' (DailyMed sunscreen cartons)",
    "Drug Facts\nActive ingredients (w/w) Purpose\nTitanium dioxide 3.6% Sunscreen\nZinc oxide 3.8% Sunscreen\nUses\n"
    "- helps prevent sunburn\nDrug Facts (continued)\nInactive ingredients water, cyclopentasiloxane, dimethicone, "
    "glycerin\nQuestions or comments? Call 1-866-000-0000\n",
    [
        "Titanium Dioxide@3.6",
        "Zinc Oxide@3.8",
        "Aqua",
        "Cyclopentasiloxane",
        "Dimethicone",
        "Glycerin",
    ],
)

case(
    "df_skin_protectant",
    "drug-facts",
    "diaper-rash skin protectant panel (Desitin-type)",
    "Active ingredient Purpose\nZinc oxide 40% ............ Skin protectant\nUses - helps treat and prevent diaper rash\n"
    "Inactive ingredients cod liver oil, fragrance, lanolin, methylparaben, petrolatum, talc\n",
    ["Zinc Oxide@40", "Cod Liver Oil", "Parfum", "Lanolin", "Methylparaben", "Petrolatum", "Talc"],
)


# ============================================================ harness
def actual(text):
    s = get_screener()
    res = s.run(text)
    rep = screen(text)
    out = []
    for e, may in zip(res.entries, res.may_contain, strict=True):
        out.append((e.inci, may, e.percent, e.text))
    return out, rep


def fits(spec: str, got) -> bool:
    inci, may, pct, _text = got
    want_may = spec.startswith("?")
    spec = spec.lstrip("?")
    pct_spec = None
    if "@" in spec:
        spec, pct_spec = spec.rsplit("@", 1)
    if want_may != may:
        return False
    if pct_spec != "*":
        want_pct = float(pct_spec) if pct_spec is not None else None
        if want_pct is None and pct is not None:
            return False
        if want_pct is not None and (pct is None or abs(pct - want_pct) > 1e-6):
            return False
    for alt in spec.split("|"):
        alt = alt.strip()
        if alt == "~" and inci is None:
            return True
        if inci is not None and alt.lower() == inci.lower():
            return True
    return False


def show(got):
    inci, may, pct, text = got
    return f"{'?' if may else ''}{inci or '~'}{'' if pct is None else f'@{pct:g}'}   <- {text!r}"


def run_case(case, verbose=False):
    try:
        got, rep = actual(case["text"])
    except Exception as exc:  # a crash or a refusal is a misread too
        return False, [f"  EXCEPTION {type(exc).__name__}: {exc}"]
    want = case["expect"]
    lines = []
    ok = len(got) == len(want) and all(fits(w, g) for w, g in zip(want, got, strict=False))
    if case.get("uncertain") and rep.verdict.label != "uncertain":
        ok = False
        lines.append(f"  verdict {rep.verdict.label!r}, expected 'uncertain'")
    bad = case.get("forbid_note")
    if bad and any(bad in n for n in rep.notes):
        ok = False
        lines.append(f"  note wrongly present: {[n for n in rep.notes if bad in n][0][:120]!r}")
    if not ok or verbose:
        # align by matching positions
        sm = difflib.SequenceMatcher(
            a=[w.lstrip("?").split("@")[0].split("|")[0].lower() for w in want],
            b=[(g[0] or "~").lower() for g in got],
            autojunk=False,
        )
        for tag, i1, i2, j1, j2 in sm.get_opcodes():
            if tag == "equal":
                for w, g in zip(want[i1:i2], got[j1:j2], strict=False):
                    mark = "   " if fits(w, g) else " ! "
                    if verbose or mark != "   ":
                        lines.append(f" {mark}{w:40s} | {show(g)}")
            else:
                for w in want[i1:i2]:
                    lines.append(f"  - {w}")
                for g in got[j1:j2]:
                    lines.append(f"  + {'':40s} | {show(g)}")
        if verbose:
            lines.append(f"  notes: {rep.notes}")
    return ok, lines


def main(argv):
    verbose = "-v" in argv
    ids = [a for a in argv if not a.startswith("-")]
    cases = [c for c in CASES if not ids or c["id"] in ids]
    perfect = 0
    for case in cases:
        ok, lines = run_case(case, verbose)
        perfect += ok
        print(f"{'OK  ' if ok else 'MISS'} {case['id']:28s} [{case['cls']}]")
        for line in lines:
            print(line)
    print(f"\n{len(cases)} texts tried, {perfect} read perfectly, {len(cases) - perfect} misread")


if __name__ == "__main__":
    main(sys.argv[1:])
