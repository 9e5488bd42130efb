from cases_part1 import case

case(
    "aveeno-baby-eczema-balm",
    "Aveeno Baby Eczema Therapy Nighttime Balm (colloidal oatmeal 1%)",
    "https://dailymed.nlm.nih.gov/dailymed/drugInfo.cfm?setid=04d90e45-c2ee-4122-b919-a0eb6d11b59a",
    "infant",
    "Aveeno Baby Eczema Therapy Nighttime Balm",
    """Drug Facts
Active Ingredient
Colloidal Oatmeal 1%
Purpose
Skin Protectant
Uses
• Temporarily protects and helps relieve minor skin irritation and itching due to:
• eczema
• rashes
Warnings
For external use only.
Inactive Ingredients
Glycerin, Water, Cetearyl Alcohol, Isocetyl Alcohol, Dimethicone, Cetyl Alcohol, Benzyl Alcohol, Ethylhexylglycerin, Sodium Cetearyl Sulfate, Benzoic Acid, Stearic Acid, Dipotassium Phosphate, Potassium Phosphate, p-Anisic Acid, Caprylic/Capric Triglyceride, Sodium Hydroxide, Avena Sativa (Oat) Kernel Oil, Ceramide NP, Citric Acid, Avena Sativa (Oat) Kernel Extract""",
)
case(
    "aveeno-baby-daily",
    "Aveeno Baby Daily Moisture Lotion (dimethicone 1.2%)",
    "https://funfoxmeds.com/dailymed/e05e3c63-1691-7a86-e053-2a95a90a6bcb",
    "infant",
    "Aveeno baby daily moisture lotion",
    "Active Ingredient Dimethicone 1.2% Other Information To open, twist off cap and remove quality seal. Do not use if quality seal is broken. Store at room temperature. Inactive Ingredients Water, Glycerin, Distearyldimonium Chloride, Petrolatum, Isopropyl Palmitate, Cetyl Alcohol, Avena Sativa (Oat) Kernel Flour, Benzyl Alcohol, Sodium Chloride, Allantoin",
)
case(
    "childsfarm-eczema",
    "Childs Farm Eczema Moisturizing Cream (colloidal oatmeal 1.5%)",
    "http://dailymed.nlm.nih.gov/dailymed/drugInfo.cfm?setid=f3d432dd-e0cb-174f-e053-2995a90a4494",
    "infant",
    "Childs Farm Eczema Moisturizing Cream",
    """Drug Facts
Active Ingredient
Colloidal Oatmeal 1.5%
Purpose
Skin Protectant
Inactive ingredients
Aqua (Water), Glycerin, Isopropyl Myristate, Glyceryl Stearate, Cetearyl Alcohol, Cetearyl Isononanoate, Butyrospermum Parkii (Shea) Butter, Tapioca Starch, Benzyl Alcohol, Sodium Cetearyl Sulfate, Avena Sativa (Oat) Kernel Oil, Dehydroacetic Acid, Citric Acid, Sodium Hydroxide""",
)
case(
    "cvs-hc-chemnames",
    "CVS Hydrocortisone 1% anti-itch (made in China; chemical names)",
    "https://ndclist.com/ndc/69396-081/label",
    None,
    "Hydrocortisone 1% anti-itch cream",
    """Drug Facts
Active Ingredient
Hydrocortisone 1%
Purpose
Anti-Itch
Inactive Ingredients
Aloe barbadensis leaf juice, ethylparaben, glycerin, glycerol monostearate, hexadecanol, mineral water, octadecanol, petrolatum, purified water, sodium dodecyl sulfate""",
)
case(
    "clinique-ttdo-eye",
    "Clinique Take The Day Off Cleansing Balm (used on eye makeup)",
    "https://chemistscorner.com/clinique-cleansing-balm-formula-review",
    "eye-area",
    "Clinique Take The Day Off Cleansing Balm",
    "Ethylhexyl Palmitate (emollient), Carthamus Tinctorius (Safflower) Seed Oil, Caprylic/Capric Triglyceride, Sorbeth-30 Tetraoleate, Polyethylene, Peg-5 Glyceryl Triisostearate, Water\\Aqua\\Eau, Tocopherol, Phenoxyethanol",
)
case(
    "clinique-ttdo-fa",
    "Clinique Take The Day Off Cleansing Balm (fungal acne)",
    "same",
    "fungal-acne",
    "Clinique Take The Day Off Cleansing Balm",
    "Ethylhexyl Palmitate (emollient), Carthamus Tinctorius (Safflower) Seed Oil, Caprylic/Capric Triglyceride, Sorbeth-30 Tetraoleate, Polyethylene, Peg-5 Glyceryl Triisostearate, Water\\Aqua\\Eau, Tocopherol, Phenoxyethanol",
)
case(
    "earthmama-oil-infant",
    "Earth Mama Calendula Baby Oil",
    "https://www.featherandnest.com/earth-mama-calendula-baby-oil",
    "infant",
    "Earth Mama Calendula Baby Oil",
    """Ingredients
Vitis vinifera (grape) seed oil, Simmondsia chinensis (jojoba) seed oil*, Calendula officinalis (calendula) flower extract*
*Organic""",
)
case(
    "clear-eye-cream",
    "Clear Skincare Brightening Eye Cream",
    "https://skinsort.com/products/clear-skincare/brightening-eye-cream",
    "eye-area",
    "Clear Skincare Brightening Eye Cream",
    "Water, Glycerin, Cetearyl Alcohol, Isopropyl Myristate, Caprylic/Capric Triglyceride, Potassium Cetyl Phosphate, 1,2-Hexanediol, Butyrospermum Parkii Butter, PEG-20 Stearate, Caffeine, Hydroxyacetophenone, Acrylates/C10-30 Alkyl Acrylate Crosspolymer, Aminomethyl Propanol, Ascorbyl Glucoside, Ferulic Acid, Ubiquinone, Disodium EDTA",
)
case(
    "cosrx-bha-preg",
    "COSRX BHA Blackhead Power Liquid (pregnant user)",
    "https://escapingmars.com/2017/10/05/review-cosrx-bha-blackhead-power-liquid/",
    "pregnancy",
    "COSRX BHA Blackhead Power Liquid",
    "Salix Alba (Willow) Bark Water (67.8%), Butylene Glycol, Betaine Salicylate (4%), Niacinamide, 1,2-Hexanediol, Arginine, Panthenol, Sodium Hyaluronate, Xanthan Gum, Ethyl Hexanediol.",
)
case(
    "cosrx-bha-postproc",
    "COSRX BHA Blackhead Power Liquid (3 days after microneedling)",
    "http://figibank.blogspot.com/2016/01/review-cosrx-bha-blackhead-power-liquid.html",
    "post-procedure",
    "COSRX BHA Blackhead Power Liquid",
    "Ingredients: Salix Alba (Willow) Bark Water, Butylene Glycol, Betaine Salicylate, Niacinamide, 1,2-Hexanediol, Arginine, Panthenol, Sodium Hyaluronate, Xanthan Gum, Ethyl Hexanediol",
)
case(
    "biore-mild",
    "Biore UV Aqua Rich Watery Essence Mild SPF50+",
    "https://skinsort.com/products/biore/uv-aqua-rich-watery-essence-mild-spf-50",
    None,
    "Biore UV Aqua Rich Watery Essence Mild SPF 50+",
    "Water, Ethylhexyl Methoxycinnamate, Dipropylene Glycol, Isopropyl Palmitate, Silica, Ethylhexyl Triazone, C12-15 Alkyl Benzoate, Diethylamino Hydroxybenzoyl Hexyl Benzoate, Bis-Ethylhexyloxyphenol Methoxyphenyl Triazine, Dextrin Palmitate, Butylene Glycol, Phenoxyethanol, Xylitol, Sorbitan Distearate, Acrylates/C10-30 Alkyl Acrylate Crosspolymer, Glycerin, Propanediol, Hydroxyethyl Acrylate/Sodium Acryloyldimethyl Taurate Copolymer, Glyceryl Behenate, Propylene Glycol, Quaternium-80, Isohexadecane, Potassium Hydroxide, Cetyl Alcohol, Stearoyl Glutamic Acid, Polysorbate 60, Arginine, Disodium EDTA, Sorbitan Isostearate, BHT, Ascorbyl Glucoside, Centella Asiatica Leaf/Stem Extract, Panthenol",
)
case(
    "triluma-preg",
    "Tri-Luma Cream (pregnant user)",
    "https://www.canadianpharmacyking.com/Drug/Tri-Luma",
    "pregnancy",
    "Tri Luma Cream",
    "Each gram of Tri Luma Cream contains 0.1 mg of fluocinolone acetonide, 40 mg of hydroquinone, and 0.5 mg of tretinoin.",
)
case(
    "hadalabo-fa",
    "Hada Labo Goku-Jyun lotion (fungal acne)",
    "https://hamibeauty.vn/hada-labo-perfect-white-review/",
    "fungal-acne",
    "Hada Labo Goku Jyun Moist lotion",
    "Water, Butylene Glycol, Glycerin, Disodium Succinate, Hydrolyzed Hyaluronic Acid, Hydroxyethylcellulose, Methylparaben, Ppg-10 Methyl Glucose Ether, Sodium Acetylated Hyaluronate, Sodium Hyaluronate, Succinic Acid.",
)
case(
    "aveeno-eczema-fa",
    "Aveeno Eczema Therapy Daily Moisturizing Cream (fungal acne)",
    "https://dailymed.nlm.nih.gov/dailymed/drugInfo.cfm?setid=dcbdb2ce-3877-41ea-9978-986e17a7c877",
    "fungal-acne",
    "Aveeno Eczema Therapy Daily Moisturizing Cream",
    """Drug Facts
Active ingredient
Colloidal oatmeal 1%
Purpose
Skin protectant
Inactive ingredients
Water, Glycerin, Panthenol, Distearyldimonium Chloride, Petrolatum, Isopropyl Palmitate, Cetyl Alcohol, Dimethicone, Avena Sativa (Oat) Kernel Oil, Steareth-20, Benzalkonium Chloride, Ceramide NP, Sodium Chloride, Avena Sativa (Oat) Kernel Extract""",
)
case(
    "cleocin-lotion",
    "Cleocin T topical lotion (DESCRIPTION, percents in vehicle)",
    "http://www.drugs.com/pro/cleocin-topical-solution.html",
    None,
    "CLEOCIN T Topical Lotion",
    """CLEOCIN T Topical Solution and CLEOCIN T Topical Lotion contain clindamycin phosphate, USP, at a concentration equivalent to 10 mg clindamycin per milliliter.
The lotion contains cetostearyl alcohol (2.5%); glycerin; glyceryl stearate SE (with potassium monostearate); isostearyl alcohol (2.5%); methylparaben (0.3%); sodium lauroyl sarcosinate; stearic acid; and purified water.""",
)
case(
    "triamcinolone-vanishing-eye",
    "Triamcinolone acetonide cream 0.1% (vanishing base) on eyelids",
    "https://prescriberpoint.com/therapies/triamcinolone-acetonide-e7e16fc",
    "eye-area",
    "Triamcinolone Acetonide Cream 0.1%",
    "Each gram of 0.1% triamcinolone acetonide cream provides 1 mg triamcinolone acetonide, respectively, in a vanishing cream base containing cetyl alcohol, cetyl esters wax, glyceryl monostearate, isopropyl palmitate, polysorbate-60, polysorbate-80, propylene glycol and purified water.",
)
case(
    "mizon-snail-cleanser",
    "Mizon Snail Cushion Foam Cleanser (site list with [n] footnote noise)",
    "https://www.skincaredupes.com/cleanser-face-wash-dupes/mizon-snail-cushion-foam-cleanser/",
    None,
    "Mizon Snail Cushion Foam Cleanser",
    "Snail secretion filtrate[24], cetearyl olivate, sorbitan olivate, cetearyl alcohol[19], stearic acid[27], glyceryl stearate[8], hydrogen[33]ated vegetable oil, dimethicone[30], triethanolamine[14], carbomer[31], butylene glycol[15], PEG/ppg-17/6 copolymer, polyacrylate-13[28], polyisobutene[3], polysorbate 20[25], sodium polyacrylate[1], caprylyl glycol[16], ethylhexylglycerin[21], tropolone[22], adenosine[29], sodium hyaluronate[17], portulaca oleracea[9] extract, betula platyphylla japonica juice[2], Arnica Montana[7] flower extract, Artemisia absinthium[34] extract, achillea millefolium[20] extract, gentiana lutea root extract[26], alcohol,[32] camellia sinensis[5] leaf extract, centella asiatica[11] extract, copper tripeptide[18]-1, human oligopeptide[6]-1, propylene glycol[13], rubus idaeus[12] (raspberry) fruit extract, beta-glucan[10], palmitoyl pentapeptide-4[4], disodium edta[23]",
)
case(
    "ponds-cold-cream-eye",
    "Pond's Cold Cream (Asia) used to remove eye makeup (site list, glued footnote digits)",
    "https://www.skincaredupes.com/ingredient-list/ponds-cold-cream-asia/",
    "eye-area",
    "Pond's Cold Cream",
    "Water, Mineral Oil5, Glycerin8, Glyceryl Stearate9, Cyclomethicone, Ceteth-2, Stearyl Stearate, Steareth-21, Microcrystalline Wax, Paraffin, Cetearyl Alcohol, Lanolin6, Phenoxyethanol, Carbomer, Triethanolamine1, Methylparaben, Sodium PCA3, Propylparaben, Sunflower (Helianthus Annuus) Seed Oil, Disodium EDTA10, BHT, Cholesterol11, Lecithin7, Stearic Acid2, Palmitic Acid4, Parfum",
)
case(
    "mac-moisture-fix",
    "MAC Studio Moisture Fix SPF15 (Drug Facts, site list with [n] noise)",
    "https://www.skincaredupes.com/mac/mac-studio-moisture-fix/",
    None,
    "MAC Studio Moisture Fix SPF 15",
    "Active Ingredients: Avobenzone[34] (1.0%), Octisalate[32] (3.5%), Octocrylene[28] (1.0%), Octinoxate[29] (3.5%) Inactive Ingredients: Water[41], Dimethicone[36], C12-15 Alkyl Benzoate, Butylene Glycol[16], Silica[43], Isononyl Isononanoate[8], Glycerin[42], Tocopheryl[35] Acetate, Cholesterol[27], Astrocaryum Murumuru Butter[19], Caffeine[38], Sodium Rna[30], Sodium Hyaluronate[17], Phytosphingosine[13], Barley Extract[20], Chinese Mushroom Extract[14], Thermus Thermophillus Ferment[4], Polygonum Cuspidatum[10] Root (Chinese Root) Extract, Saccharomyces Lysate[11] Extract, Yeast Extract[12], Wheat Germ[33] Extract, Sucrose[44], Magnesium Ascorbyl Phosphate[37], Polysorbate 20[24], Polysorbate 80[2], Squalane[39], Glyceryl Stearate[9], PEG-100 Stearate[15], Steareth-2[2]1, PVP[45], Sodium Citrate[31], Citric Acid[31], Disteardimonium Hectorite[7], Cetyl Esters, Hexylene Glycol[2], Polyethylene[25], Polyhydroxystearic Acid[3], Acrylamide/Sodium Acryloyldimethyltaurate Copolymer[1], Ammonium Acryloyldimethyltaurate/Vp Copolymer[24], Isohexadecane[2], Caprylyl Glycol[18], Triethoxycaprylylsilane[21], Linoleic Acid[5], Disodium EDTA[22], Propylene Glycol Dicaprate[6], Fragrance[40], BHT[26], Phenoxyethanol[26], Chlorphenesin[23]",
)
case(
    "joyruqo-essence",
    "JOYRUQO Fermented Balanced Skin Calming Essence (IUPAC-style names)",
    "https://www.joyruqo.asia/product/joyruqo-fermented-balanced-skin-calming-essence/",
    None,
    "JOYRUQO Fermented Balanced Skin Calming Essence",
    "Water, Bifidus Ferment Filtrate, 1,3-Propanediol, 2,3-Butanediol, Lactobacillus Ferment Filtrate, Glycerol, Methyl Gluceth-10, 1,2-Hexanediol, Lactobacillus Ferment Extract, Algae Extract, Butanediol, Hydroxyacetophenone, 1,2-Pentanediol, Fomes Officinalis (Mushroom) Extract, Sophora Flavescens Root Extract, Opuntia Ficus-Indica Stem Extract, Ophiopogon Japonicus Root Extract. Ceramide NP, Sodium Hyaluronate Crosspolymer, Avena Sativa (Oat) Beta-Glucan, Hydroxypropyltrimonium Hyaluronate, Hydroxyacetophenone, Sodium Benzoate, Hydrolyzed Sodium Hyaluronate, 1,3-Propanediol, Sodium Acetylhyaluronate, Hyaluronic Acid, Hydrolyzed Glycosaminoglycans, Capryloyl Hydroxamic Acid, Hydrogenated Lecithin, Cholesterol, Ethylhexylglycerin, Octyldodecanol, 1,2-Hexanediol, Hydroxypropyltrimonium Hyaluronate.",
)
case(
    "pixi-glow",
    "Pixi Glow Tonic (Boots list)",
    "https://www.seasplangbeauty.com/post/digging-into-the-ingredient-detail-of-pixi-glow-tonic",
    None,
    "Pixi Glow Tonic",
    "Water/Aqua/Eau, Aloe Barbadensis Leaf Juice, Glycolic Acid, Butylene Glycol, Glycerin, Sodium Hydroxide, Hamamelis Virginiana (Witch Hazel) Leaf Extract, Aesculus Hippocastanum (Horse Chestnut) Seed Extract, Hexylene Glycol, Fructose, Glucose, Sucrose, Urea, Dextrin, Alanine, Glutamic Acid, Aspartic Acid, Hexyl Nicotinate, Panax Ginseng Root Extract, Ethylhexylglycerin, Disodium EDTA, Biotin, Panthenol, PPG-26-Buteth-26, PEG-40 Hydrogenated Castor Oil, Phenoxyethanol, Fragrance (Parfum), Caramel, Red 4 (CI 14700).",
)
