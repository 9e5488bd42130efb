# (id, product, url, context, name, text)
CASES = []


def case(id, product, url, ctx, name, text, ptype=None):
    CASES.append(dict(id=id, product=product, url=url, ctx=ctx, name=name, text=text, ptype=ptype))


case(
    "weleda-skinfood",
    "Weleda Skin Food (2012 list)",
    "http://www.rokderm.com/rokderm-1/2012/07/23/weleda-skin-food-review",
    None,
    "Weleda Skin Food Original Ultra-Rich Cream",
    "Full ingredient list: Water (Aqua), Helianthus Annuus (Sunflower) Seed Oil, Lanolin, Prunus Amygdalus Dulcis (Sweet Almond) Oil, Alcohol, Beeswax (Cera Flava), Glyceryl Linoleate, Hydrolyzed Beeswax, Fragrance (Parfum)*, Viola Tricolor (Pansy) Extract, Rosmarinus Officinalis (Rosemary) Leaf Extract, Chamomilla Recutita Matricaria (Chamomile) Flower Extract, Calendula Officinalis Flower Extract, Cholesterol, Limonene*, Linalool*, Geraniol*, Citral*, Coumarin*. * from natural essential oils",
)
case(
    "weleda-skinfood-eye",
    "Weleda Skin Food used around the eyes",
    "same",
    "eye-area",
    "Weleda Skin Food Original Ultra-Rich Cream",
    "Full ingredient list: Water (Aqua), Helianthus Annuus (Sunflower) Seed Oil, Lanolin, Prunus Amygdalus Dulcis (Sweet Almond) Oil, Alcohol, Beeswax (Cera Flava), Glyceryl Linoleate, Hydrolyzed Beeswax, Fragrance (Parfum)*, Viola Tricolor (Pansy) Extract, Rosmarinus Officinalis (Rosemary) Leaf Extract, Chamomilla Recutita Matricaria (Chamomile) Flower Extract, Calendula Officinalis Flower Extract, Cholesterol, Limonene*, Linalool*, Geraniol*, Citral*, Coumarin*. * from natural essential oils",
)
case(
    "sudocrem",
    "Sudocrem (Ukrainian leaflet, English)",
    "https://aptekausacanada.com/en/sudocrem-cream-external-use-jar-60-g",
    "infant",
    "Sudocrem cream for external use",
    """Composition
active ingredients: 1 g of cream contains zinc oxide 15.25%, benzyl alcohol 0.39%, benzyl benzoate 1.01%, benzyl cinnamate 0.15%;
excipients: lanolin, purified water, sodium benzoate (E 211), paraffin wax, synthetic beeswax, microcrystalline wax, sorbitan sesquioleate, propylene glycol, linalyl acetate, lavender flavor, mineral oil, antioxidant containing: propylene glycol, anhydrous citric acid, butylhydroxyanisole (E 320).""",
)
case(
    "carmex-jar",
    "Carmex Classic Lip Balm Medicated (jar)",
    "https://dailymed.nlm.nih.gov/dailymed/fda/fdaDrugXsl.cfm?setid=bbee66b9-39ff-4e7e-e053-2995a90a43be&type=display",
    None,
    "Carmex Classic Lip Balm Medicated",
    """Drug Facts
Active Ingredients
Camphor 1.70%
White Petrolatum 45.30%
Purpose
External Analgesic
Lip Protectant
Uses
• helps provide relief of symptoms of cold sores and dry lips
Warnings
For external use only
When using this product:
keep out of eyes. Rinse with water to remove.
Directions
• apply to lips not more than 3 to 4 times daily • children under 2 years of age: ask a doctor
Inactive Ingredients
lanolin, beeswax, cetyl esters, paraffin, theobroma cacao seed butter, menthol, salicylic acid, phenol, vanillin, flavor""",
)
case(
    "carmex-spf-preg",
    "Carmex Classic SPF15 Triple Force (pregnant user)",
    "https://dailymed.nlm.nih.gov/dailymed/drugInfo.cfm?setid=3eb0f8ff-89e7-4410-8573-3349e4946548",
    "pregnancy",
    "Carmex Classic Lip Balm Medicated SPF15",
    """Drug Facts
Active ingredients
Octinoxate 7.50%
Oxybenzone 4.00%
White Petrolatum 35.00%
Purpose
Sunscreen
Suncreen
Lip Protectant
Uses
• helps protect against sunburn and chapped lips
• higher SPF gives more sunburn protection
Inactive ingredients
lanolin, theobroma cacao seed butter, euphorbia cerifera wax, beeswax, cetyl esters, ozokerite, paraffin, limnanthes alba seed oil, camphor, menthol, salicylic acid, phenol, flavor, vanillin""",
)
case(
    "drmom-buttbalm",
    "Dr. Mom Butt Balm (dimethicone 28%, petrolatum 48%)",
    "https://dailymed.nlm.nih.gov/dailymed/search.cfm?query=2627302&searchdb=rxcui",
    "infant",
    "Dr. Mom Butt Balm",
    """Active Ingredients
Dimethicone 28%
White Petrolatum 48%
Purpose
Dimethicone 28%..........Skin protectant
White Petrolatum 48%............Skin protectant
Uses
• helps prevent and temporarily protects and helps relieve chafed, chapped or cracked skin
Inactive Ingredients
aluminum starch octenylsuccinate, fractionated coconut oil, magnesium hydroxide, spearmint oil""",
)
case(
    "babys-butt-aid",
    "Baby's Butt Aid zinc oxide 16% ointment",
    "https://dailymed.nlm.nih.gov/dailymed/drugInfo.cfm?setid=b8bc92f1-8524-32db-e053-2a95a90a1f46",
    "infant",
    "Babys Butt Aid",
    """Active Ingredient
Active ingredient
Zinc Oxide 16%
Purpose
Purpose
Skin Protectant
Uses
Uses • Helps treat and prevent diaper rash • Prevents chafed skin due to diaper rash and helps seal out wetness.
Inactive ingredients
Inactive ingredients: petrolatum, mineral oil, hydroxyethyl cellulose, pentaerythrityl tetrastearate, microcrystalline wax, propylparaben, fragrance.""",
)
case(
    "burts-medicated",
    "Burt's Bees Medicated lip balm (camphor/menthol)",
    "https://www.rachsbeautique.com/2015/03/burt-bees-lip-balm.html",
    None,
    "Burt's Bees Medicated Lip Balm",
    "Active Ingredients: Camphor 0.6% Menthol 0.6% Purpoe: External Analgesic Other Ingredients: Vitis Vinifera (Grape) Seed Oil, Beeswax, Cocos Nucifera (Coconut) Oil, Lanolin, Butyrospermum Parkii (Shea Butter), Eugenia Caryophyllus (Clove) Flower Oil, Helianthus Annuus (Sunflower) Seed Oil, Vanillin, Elettaria Cardomomum Seed Oil, Mentha Arvensis (Cornmint) Leaf Oil, Eucalyptus Globulus (Eucalyptus) Leaf Oil, Mentha Viridis (Spearmint) Leaf Oil, Illicium Verum (Anise) Oil, Tocopherol, Calendula Officinalis Flower Extract, Melissa Officinalis (Lemon Balm) Leaf Extract, Ribes Nigrum (Black Currant) Leaf Extract, Hydrastis Canadensis (Golden Seal) Extract, Glycine Soja (Soybean Oil).",
)
case(
    "nivea-creme",
    "Nivea Creme (blue tin)",
    "https://www.freemz.info/post/the-composition-analysis-what-s-inside-the-nivea-cream",
    None,
    "Nivea Creme",
    "Ingredients: Aqua, Paraffinum Liquidum, Cera Microcristallina, Glycerin, Lanolin Alcohol(Eucerit®), Paraffin, Panthenol, Magnesium Sulphate, Decyl Oleate, Octyldodecanol, Aluminum Stearates, Citric Acid, Magnesium Stearate, Limonene, Geraniol, Hydroxycitronellal, Linalool, Citronellol, BENZYL benzoate, Cinnamyl Alcohol, Parfum",
)
case(
    "cetraben",
    "Cetraben Advance Emollient Cream (MHRA carton text)",
    "https://myhealthbox.eu/en/cetraben-emollient-cream/4243842",
    None,
    "Cetraben Emollient Cream",
    """2.
STATEMENT OF ACTIVE SUBSTANCE(S)
This product contains 10.5% w/w Light Liquid Paraffin.
This product contains 13.2 % w/w White Soft Paraffin.
3.
LIST OF EXCIPIENTS
Emulsifying wax (Contains Cetostearyl alcohol and Sodium
Laurilsulfate), Cetostearyl
alcohol, Glycerol (E422), Phenoxyethanol, Citric Acid Monohydrate,
Trisodium Citrate
Dihydrate, Purified Water.""",
)
