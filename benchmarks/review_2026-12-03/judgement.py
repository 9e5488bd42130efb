"""Re-runnable review of real product lists through the screener.
Usage: .venv/bin/python benchmarks/review_2026-12-03/judgement.py [case-id ...] [--full]
       .venv/bin/python benchmarks/review_2026-12-03/judgement.py --agreement [--no-names]
       .venv/bin/python benchmarks/review_2026-12-03/judgement.py --probes
"""

import sys

sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[2]))
import screener

# (id, product, url, context, product_type, text)
CASES = [
    # ---- ointments and balms
    (
        "aquaphor",
        "Aquaphor Healing Ointment (Drug Facts)",
        "https://dailymed.nlm.nih.gov/dailymed/drugInfo.cfm?setid=5c49dfbc-39d7-42ab-add6-3a60b4f5479e",
        None,
        None,
        "Active Ingredient: Petrolatum 41%. Purpose: Skin protectant. Inactive ingredients: Mineral Oil, Ceresin, Lanolin Alcohol, Panthenol, Glycerin, Bisabolol",
    ),
    (
        "aquaphor-eye",
        "Aquaphor (used on eyelids)",
        "same",
        "eye-area",
        None,
        "Active Ingredient: Petrolatum 41%. Purpose: Skin protectant. Inactive ingredients: Mineral Oil, Ceresin, Lanolin Alcohol, Panthenol, Glycerin, Bisabolol",
    ),
    (
        "cerave-ointment",
        "CeraVe Healing Ointment (L'Oreal label)",
        "http://dailymed.nlm.nih.gov/dailymed/drugInfo.cfm?setid=1b3ad3e8-cbac-4a92-84e2-4f3ab4512d95",
        None,
        None,
        "Active ingredient Petrolatum 46.5% Purpose Skin protectant Inactive ingredients mineral oil, paraffin, ozokerite, dimethicone, ceramide NP, ceramide AP, ceramide EOP, carbomer, water, sodium lauroyl lactylate, proline, cholesterol, phenoxyethanol, tocopheryl acetate, tocopherol, hydrolyzed hyaluronic acid, panthenol, pantolactone, phytosphingosine, xanthan gum, ethylhexylglycerin",
    ),
    (
        "vaseline",
        "Petroleum jelly (White Petrolatum USP 100%)",
        "https://dailymed.nlm.nih.gov/dailymed/drugInfo.cfm?setid=f76ceecc-ef11-3839-e053-6394a90a8d4a",
        None,
        None,
        "Active Ingredient: White Petrolatum USP (100%). Purpose: Skin protectant. Inactive Ingredients: No Inactive Ingredients",
    ),
    (
        "vaseline-infant",
        "Petroleum jelly on a baby's face",
        "same",
        "infant",
        None,
        "Active Ingredient: White Petrolatum USP (100%). Purpose: Skin protectant",
    ),
    (
        "lansinoh",
        "Lansinoh HPA Lanolin (published list: 100% lanolin)",
        "LactMed via drugs.com/breastfeeding/lanolin.html (composition well known: 'Lanolin')",
        None,
        None,
        "Ingredients: Lanolin",
    ),
    (
        "lansinoh-infant",
        "HPA Lanolin (nipple; baby contact)",
        "same",
        "infant",
        None,
        "Ingredients: Lanolin",
    ),
    (
        "bepanthen",
        "Bepanthen 5% ointment (FR SmPC excipients)",
        "https://moncoinsante.com/mcs/en/seat/20998-bepanthen-ointment-skin-irritations-diaper-rash-2x100g-3400939199917.html",
        "infant",
        None,
        "Dexpanthenol 5%, Protegin X, petroleum jelly, wool fat, white beeswax, almond oil, cetyl alcohol, stearyl alcohol, liquid paraffin, purified water",
    ),
    (
        "desitin-generic",
        "Walgreens Zinc Oxide 40% paste (compare to Desitin Max)",
        "https://dailymed.nlm.nih.gov/dailymed/drugInfo.cfm?setid=220f70e1-0802-4fe2-92d0-78dec557c993",
        "infant",
        None,
        "Active ingredient Zinc oxide 40% Purpose Skin Protectant Inactive ingredients petrolatum, cod liver oil, lanolin, Zea mays (corn) starch, glycerin, sorbitan sesquioleate, beeswax, tocopheryl acetate, fragrance",
    ),
    (
        "desitin-daily",
        "Desitin Daily Defense 13% zinc cream",
        "https://dailymed.nlm.nih.gov/dailymed/fda/fdaDrugXsl.cfm?setid=b6e0d1a3-e469-4102-916b-d5cc8ca12e73&type=display",
        "infant",
        None,
        "Active ingredient Zinc Oxide 13% Purpose Skin Protectant Inactive ingredients water, mineral oil, petrolatum, beeswax, dimethicone, sorbitan sesquioleate, microcrystalline wax, PEG-30 dipolyhydroxystearate, aloe barbadensis leaf extract, glycerin, tropolone, tocopheryl acetate, 1,2-hexanediol, caprylyl glycol, magnesium sulfate, potassium hydroxide, phenoxyethanol",
    ),
    (
        "zinc-balsam",
        "Max Strength Diaper Rash ZnO 40% with Peruvian balsam",
        "http://dailymed.nlm.nih.gov/dailymed/lookup.cfm?setid=c6f28076-0ffc-4850-b544-656532355537",
        "infant",
        None,
        "Active ingredient Zinc Oxide, 40% Purpose Skin protectant Inactive ingredients Castor Oil, Mineral Oil, Paraffin, Peruvian Balsam, White Petrolatum",
    ),
    (
        "zinc-plant",
        "Zinc oxide 40% plant-oil diaper cream",
        "https://dailymed.nlm.nih.gov/dailymed/drugInfo.cfm?setid=e9201a26-46b3-477f-e053-2995a90a5e0e",
        "infant",
        None,
        "Active Ingredient Zinc oxide 40% Purpose Skin Protectant Inactive Ingredients Sunflower oil, Castor Oil, Sunflower seed wax, polyhydroxystearic acid, shea butter, coconut oil, theobroma cacao seed butter, calophyllum seed oil, tocopherol, zea mays corn starch",
    ),
    (
        "cerave-balm",
        "CeraVe Heal & Protect Balm stick (dimethicone 1%)",
        "http://dailymed.nlm.nih.gov/dailymed/lookup.cfm?setid=4ef0fa76-9050-4112-9a07-802d6084c0e6",
        None,
        None,
        "Active ingredient Dimethicone 1% Purpose Skin protectant Inactive ingredients paraffin, ethylhexyl palmitate, petrolatum, butyrospermum parkii (shea) butter, ozokerite, euphorbia cerifera (candelilla) wax, cetyl alcohol, glycerin, tocopheryl acetate, ceteareth-25, behenic acid, cholesterol, ceramide 1, ceramide 3, ceramide 6-II, ceramide EOS, ceramide NS, caprooyl phytosphingosine, caprooyl sphingosine, ascorbyl palmitate, water, BHT, sodium hyaluronate",
    ),
    # ---- Drug Facts
    (
        "eltamd-shield",
        "EltaMD UV Shield SPF 45",
        "https://drugs-base.com/c9dbb10d-f9d0-4b92-86d7-b17706ac2643",
        None,
        None,
        "Active Ingredients Zinc Oxide 9.0% UVA/UVB Sunscreen Octinoxate 7.5% UVB Sunscreen Inactive Ingredients Purified Water, Isopropyl Palmitate, Octyl Stearate, Cetearyl Alcohol, Polysorbate 60, Oleth-3 Phosphate, Phenoxyethanol, Cetearyl Glucoside, Hydroxyethyl Acrylate/Sodium Acryloyldimethyl Taurate Copolymer, Polyisobutene, Polyether-1, Butylene Glycol, PEG-7 Trimethylolpropane Coconut Ether, Tocopheryl Acetate, Citric Acid, Iodopropynyl Butylcarbamate, Triethoxycaprylylsilane",
    ),
    (
        "eltamd-facial",
        "EltaMD UV Facial SPF 30+ (petrolatum 2nd)",
        "https://dailymed.nlm.nih.gov/dailymed/drugInfo.cfm?setid=8426b0a0-ecd6-4486-b2da-57a950b46dc5 (tail as printed up to excerpt end)",
        None,
        None,
        "Active ingredients Octinoxate 7.5% Sunscreen Zinc Oxide 7.0% Sunscreen Inactive Ingredients purified water, petrolatum, isopropyl palmitate, octyl stearate, glyceryl stearate, cetearyl glucoside, dimethicone, PEG-100 stearate, hydroxyethyl acrylate/sodium acryloyldimethyl tautrate copolymer, polyisobutene, PEG-7 trimethylolpropane coconut ether, sodium hyaluronate, tocopheryl acetate, ployether-1",
    ),
    (
        "neutrogena-drytouch",
        "Neutrogena Ultra Sheer Dry-Touch SPF 30",
        "https://dailymed.nlm.nih.gov/dailymed/drugInfo.cfm?audience=professional&setid=6a43173f-41f9-4207-a0db-53bc8db6f4a4 (actives table) + SPF55 inactive list https://dailymed.nlm.nih.gov/dailymed/lookup.cfm?setid=fbd4365b-9b16-4daf-9db5-b268bd17c37a",
        None,
        None,
        "Drug Facts Active ingredients Purpose Avobenzone 2.5% Sunscreen Homosalate 6% Sunscreen Octisalate 4.5% Sunscreen Octocrylene 8% Sunscreen Inactive ingredients Water, Styrene/Acrylates Copolymer, Silica, Dimethicone, Potassium Cetyl Phosphate, Benzyl Alcohol, Beeswax, Caprylyl Methicone, Glyceryl Stearate, PEG-100 Stearate, Cetyl Dimethicone, Caprylyl Glycol, Ethylhexylglycerin, Aluminum Starch Octenylsuccinate, Behenyl Alcohol, Acrylates/Dimethicone Copolymer, Xanthan Gum, Sodium Polyacrylate, Chlorphenesin, Dimethicone PEG - 10/15 Crosspolymer, Hydrolyzed Jojoba Esters, Fragrance, Disodium EDTA, Ethylhexyl Stearate, Tocopheryl Acetate, BHT, Trideceth-6, Jojoba Esters",
    ),
    (
        "cerave-bpo",
        "CeraVe Acne Foaming Cream Cleanser BPO 4%",
        "https://dailymed.nlm.nih.gov/dailymed/fda/fdaDrugXsl.cfm?setid=d9c11b75-14ee-46e3-9b1d-c349a102e2fd&type=display",
        None,
        None,
        "Drug Facts Active ingredient Benzoyl peroxide 4% Purpose Acne treatment Inactive ingredients water, glycerin, propylene glycol, cocamidopropyl hydroxysultaine, sodium c14-16 olefin sulfonate, xanthan gum, potassium hydroxide, ceramide NP, ceramide AP, ceramide EOP, carbomer, niacinamide, glycolic acid, sodium chloride, sodium citrate, sodium hyaluronate, sodium lauroyl lactylate, sodium hydroxide, cholesterol, phenoxyethanol",
    ),
    (
        "cvs-bpo-preg",
        "CVS Creamy Acne Face Wash BPO 4% (pregnant)",
        "https://dailymed.nlm.nih.gov/dailymed/fda/fdaDrugXsl.cfm?setid=9cb15858-7a2b-44ef-a8f0-c890c55f47df&type=display",
        "pregnancy",
        None,
        "Drug Facts Active ingredient Purpose Benzoyl Peroxide 4%.........................Acne Treatment Use For the treatment of acne. Inactive ingredients Water, Sodium Cocoyl Isethionate, Cetearyl Alcohol, Cocamidopropyl Betaine, Potassium Lauryl Phosphate, Glycerin, Disodium Laureth Sulfosuccinate, Sodium Hydroxide, Glycolic Acid, Mineral Oil, Lactic Acid, Titanium Dioxide, Acrylates/C10-30 Alkyl Acrylate Crosspolymer, Sodium PCA, Dimethyl Isosorbide, Sodium Lauryl Sulfoacetate, Phenoxyethanol, Ethylhexylglycerin.",
    ),
    (
        "neutrogena-sa-wash",
        "Neutrogena Oil-Free Acne Wash SA 2% (pregnant)",
        "https://dailymed.nlm.nih.gov/dailymed/drugInfo.cfm?setid=e3d5538a-51be-0ebe-e053-2995a90a6d15",
        "pregnancy",
        None,
        "Drug Facts Active ingredient Salicylic Acid (2%) Purpose Acne treatment Inactive ingredients Water, Sodium C14-16 Olefin Sulfonate, Cocamidopropyl Betaine, Sodium Chloride, PEG-80 Sorbitan Laurate, Citric Acid, Disodium EDTA, C12-15 Alkyl Lactate, Benzalkonium Chloride, Fragrance, Cocamidopropyl PG-Dimonium Chloride Phosphate, Glycerin, Aloe Barbadensis Leaf Extract, Chamomilla Recutita (Matricaria) Flower Extract, Propylene Glycol, Sodium Hydroxide, Yellow 5, Red 40",
    ),
    (
        "neutrogena-sa-cream",
        "Neutrogena Oil-Free Acne Wash Cream Cleanser SA 2% + glycolic",
        "https://dailymed.nlm.nih.gov/dailymed/lookup.cfm?setid=6bb19e0b-042a-4e13-83c1-349844c68b61&version=8",
        None,
        None,
        "Active ingredient Salicylic Acid 2% Purpose Acne treatment Inactive ingredients Water, Cetyl Alcohol, PPG-15 Stearyl Ether, Glycolic Acid, Glycerin, Steareth-21, Polysorbate 60, C12-15 Alkyl Lactate, Cetyl Lactate, Potassium Cetyl Phosphate, Sodium Hydroxide, Cocamidopropyl PG-Dimonium Chloride Phosphate, Xanthan Gum, Fragrance, Disodium EDTA, Menthol, Benzalkonium Chloride, Panthenol",
    ),
    (
        "hydrocortisone-cvs",
        "CVS Hydrocortisone 1% cream",
        "https://dailymed.nlm.nih.gov/dailymed/fda/fdaDrugXsl.cfm?setid=8b8cdb26-8e8f-4e95-9d83-d685c90afe01&type=display",
        None,
        None,
        "Drug Facts Active ingredient Hydrocortisone 1% Purpose Anti-itch Inactive ingredients aloe barbadensis leaf juice, cetyl alcohol, edetate disodium, methylparaben, mineral oil, mono- and di-glycerides, petrolatum, polysorbate 60, propylene glycol, propylparaben, purified water, sorbitan monostearate",
    ),
    (
        "hydrocortisone-eye",
        "Hydrocortisone 1% cream on eyelid eczema",
        "same",
        "eye-area",
        None,
        "Drug Facts Active ingredient Hydrocortisone 1% Purpose Anti-itch Inactive ingredients aloe barbadensis leaf juice, cetyl alcohol, edetate disodium, methylparaben, mineral oil, mono- and di-glycerides, petrolatum, polysorbate 60, propylene glycol, propylparaben, purified water, sorbitan monostearate",
    ),
    # ---- prescription inserts
    (
        "tretinoin-cream",
        "Tretinoin Cream USP 0.025% (DESCRIPTION)",
        "https://myhealthbox.eu/en/tretinoin-tretinoin-cream/4364255 (DailyMed SPL)",
        "pregnancy",
        None,
        "Each gram of tretinoin cream contains tretinoin in either of three strengths, 0.1% (1 mg), 0.05% (0.5 mg), or 0.025% (0.25 mg) in a hydrophilic cream vehicle of: stearic acid, isopropyl myristate, polyoxyl 40 stearate, stearyl alcohol, xanthan gum, sorbic acid, butylated hydroxytoluene, and purified water.",
    ),
    (
        "tretinoin-cream-0025",
        "Tretinoin Cream USP 0.025% (single-strength insert)",
        "https://dailymed.nlm.nih.gov/dailymed/lookup.cfm?setid=fda88f47-21b3-4678-ab21-befb03035730 / hm-online drugs/16588",
        None,
        None,
        "Tretinoin Cream USP, 0.025% is used for the topical treatment of acne vulgaris. Tretinoin cream contains tretinoin in 0.025% by weight, in a hydrophilic cream vehicle of butylated hydroxytoluene, isopropyl myristate, polyoxyl stearate type II, purified water, sorbic acid, stearic acid, stearyl alcohol and xanthan gum.",
    ),
    (
        "tretinoin-gel",
        "Tretinoin Gel USP 0.025% (alcohol 90%)",
        "https://myhealthbox.eu/en/tretinoin-tretinoin-cream/4364255",
        None,
        None,
        "Each gram of tretinoin gel contains tretinoin in either of two strengths, 0.025% (0.25 mg) or 0.01% (0.1 mg) in a gel vehicle of hydroxypropyl cellulose, butylated hydroxytoluene, and alcohol (denatured with tert-butyl alcohol and brucine sulfate) 90% w/w.",
    ),
    (
        "differin-gel",
        "Differin (adapalene) Gel 0.1%",
        "http://www.120ty.net/bencandy.php?aid=57267&fid=134&page=3 (carton text)",
        "pregnancy",
        None,
        "Each gram contains: adapalene 0.1% (1 mg) in a vehicle consisting of carbomer 940, edetate disodium, methylparaben, poloxamer 182, propylene glycol, purified water, and sodium hydroxide",
    ),
    (
        "differin-cream",
        "Differin Cream 0.1%",
        "https://hm-online.eztelemed.com/drugs/4756/view",
        None,
        None,
        "DIFFERIN (adapalene) Cream, 0.1%, contains adapalene 0.1% in an aqueous cream emulsion consisting of carbomer 934P, cyclomethicone, edetate disodium, glycerin, methyl glucose sesquistearate, methylparaben, PEG-20 methyl glucose sesquistearate, phenoxyethanol, propylparaben, purified water, squalane, and trolamine.",
    ),
    (
        "finacea",
        "Finacea (azelaic acid) Gel 15%",
        "http://drugindexonline.com/drug_10376.html",
        "pregnancy",
        None,
        "Each gram of Finacea Gel, 15%, contains 0.15 gm azelaic acid (15% w/w) as the active ingredient in an aqueous gel base containing benzoic acid (as a preservative), disodium-EDTA, lecithin, medium-chain triglycerides, polyacrylic acid, polysorbate 80, propylene glycol, purified water, and sodium hydroxide to adjust pH.",
    ),
    (
        "finacea-fungal",
        "Finacea Gel (Malassezia folliculitis patient)",
        "same",
        "fungal-acne",
        None,
        "Each gram of Finacea Gel, 15%, contains 0.15 gm azelaic acid (15% w/w) as the active ingredient in an aqueous gel base containing benzoic acid (as a preservative), disodium-EDTA, lecithin, medium-chain triglycerides, polyacrylic acid, polysorbate 80, propylene glycol, purified water, and sodium hydroxide to adjust pH.",
    ),
    (
        "benzaclin",
        "BenzaClin (clindamycin 1% / BPO 5%) gel",
        "http://www.rxlist.com/benzaclin-drug.htm",
        None,
        None,
        "Each gram of BenzaClin Topical Gel contains, as dispensed, 10 mg (1%) clindamycin as phosphate and 50 mg (5%) benzoyl peroxide in a base of carbomer, sodium hydroxide, dioctyl sodium sulfosuccinate, and purified water.",
    ),
    (
        "metrogel",
        "MetroGel 0.75% (metronidazole)",
        "http://dailymed.nlm.nih.gov/dailymed/lookup.cfm?setid=A9F73057-77C9-445A-8D82-AEBE8BEC1CED",
        None,
        None,
        "METROGEL Topical Gel contains metronidazole, USP, at a concentration of 7.5 mg per gram (0.75%) in a gel consisting of carbomer 940, edetate disodium, methylparaben, propylene glycol, propylparaben, purified water, and sodium hydroxide.",
    ),
    (
        "hydroquinone",
        "Hydroquinone USP 4% cream (pregnant)",
        "http://drugs.com/cdi/hydroquinone-cream.html",
        "pregnancy",
        None,
        "Each gram of HYDROQUINONE USP, 4% SKIN BLEACHING CREAM contains 40 mg hydroquinone, in a cream base of Glyceryl Monostearate, Mineral Oil, PEG-25 Propylene Glycol Stearate, Polyoxl-40 Stearate, Propylene Glycol, Propylparaben, Purified water, sodium metabisulfite, Squalane and Stearic Acid.",
    ),
    (
        "hydroquinone-tr",
        "Hydroquinone 4% Time Release cream (retinyl palmitate)",
        "https://hm-online.eztelemed.com/drugs/7697/view",
        None,
        None,
        "Each gram of Hydroquinone USP, 4% Time Release Cream contains 40 mg hydroquinone USP and retinyl palmitate (vitamin A) incorporated into microspheres composed of acrylates/C10-30 alkyl acrylate crosspolymer. This polymeric system provides gradual release of active ingredient into the skin. Other ingredients include ascorbic acid (vitamin C), ascorbyl palmitate, ascorbyl tetraisopalmitate, benzyl alcohol, bisabolol, butylated hydroxytoluene, cetyl alcohol, cyclopentasiloxane, edetate disodium, ethylhexyl palmitate, glycerin, glyceryl monostearate, light mineral oil, phenoxyethanol, poloxamer 188, polyoxyl 40 stearate, propyl gallate, purified water, Simmondsia chinensis (Jojoba) seed oil, sodium metabisulfite, sorbitan tristearate, tocopheryl acetate (vitamin E), tricontanyl PVP, and trolamine.",
    ),
    (
        "clobetasol-oint",
        "Clobetasol propionate ointment 0.05%",
        "http://www.drugs.com/pro/clobetasol-cream-ointment.html?printable=1",
        None,
        None,
        "Each gram of the 0.05% ointment contains clobetasol propionate 0.5 mg in a base of propylene glycol, sorbitan sesquioleate, and white petrolatum.",
    ),
    (
        "clobetasol-eye",
        "Clobetasol ointment near eyes",
        "same",
        "eye-area",
        None,
        "Each gram of the 0.05% ointment contains clobetasol propionate 0.5 mg in a base of propylene glycol, sorbitan sesquioleate, and white petrolatum.",
    ),
    # ---- face oils (single-ingredient published lists)
    (
        "rosehip",
        "The Ordinary 100% Organic Cold-Pressed Rose Hip Seed Oil",
        "brand list (well known): 'Rosa Canina Seed Oil'",
        None,
        None,
        "Rosa Canina Seed Oil",
    ),
    (
        "squalane",
        "The Ordinary 100% Plant-Derived Squalane",
        "brand list (well known): 'Squalane'",
        None,
        None,
        "Squalane",
    ),
    ("squalane-fa", "Squalane for fungal acne", "same", "fungal-acne", None, "Squalane"),
    (
        "marula",
        "Drunk Elephant Virgin Marula Luxury Facial Oil",
        "brand list (well known): 'Sclerocarya Birrea Seed Oil'",
        None,
        None,
        "Sclerocarya Birrea Seed Oil",
    ),
    (
        "jojoba",
        "Jojoba oil (single-ingredient)",
        "well known: 'Simmondsia Chinensis (Jojoba) Seed Oil'",
        None,
        None,
        "Simmondsia Chinensis (Jojoba) Seed Oil",
    ),
    (
        "coconut",
        "Extra virgin coconut oil (as skin oil)",
        "well known: 'Cocos Nucifera (Coconut) Oil'",
        None,
        None,
        "Organic Extra Virgin Cocos Nucifera (Coconut) Oil",
    ),
    (
        "coconut-fa",
        "Coconut oil, fungal-acne user",
        "same",
        "fungal-acne",
        None,
        "Cocos Nucifera (Coconut) Oil",
    ),
    (
        "coconut-infant",
        "Coconut oil on baby",
        "same",
        "infant",
        None,
        "Cocos Nucifera (Coconut) Oil",
    ),
    (
        "bio-oil-preg",
        "Bio-Oil (pregnant, stretch marks)",
        "http://www.honeycombvalley.com.au/blog/bio-oil-ingredients + brand INCI",
        "pregnancy",
        None,
        "Paraffinum Liquidum, Triisononanoin, Cetearyl Ethylhexanoate, Isopropyl Myristate, Retinyl Palmitate, Helianthus Annuus Seed Oil, Tocopheryl Acetate, Anthemis Nobilis Flower Oil, Lavandula Angustifolia Oil, Rosmarinus Officinalis Leaf Oil, Calendula Officinalis Extract, Glycine Soja Oil, BHT, Bisabolol, Parfum, Amyl Cinnamal, Benzyl Salicylate, Citronellol, Coumarin, Eugenol, Farnesol, Geraniol, Hydroxycitronellal, Isoeugenol, Alpha-Isomethyl Ionone, Limonene, Linalool, CI 26100",
    ),
    # ---- baby
    (
        "baby-oil",
        "Johnson's Baby Oil",
        "https://visualfoodie.com/a-full-ingredient-list-for-johnsons-baby-oil",
        "infant",
        None,
        "Mineral Oil, Fragrance",
    ),
    (
        "baby-lotion",
        "Johnson's Baby Lotion (older US formula, EWG packaging copy)",
        "https://fourcowfarm.com/johnsons-baby-baby-lotion-original-skin-deep-cosmetic-safety-reviews/",
        "infant",
        None,
        "Water, Propylene Glycol, Myristyl Myristate, Glyceryl Stearate, Oleic Acid, Stearic Acid, Polysorbate 61, Dimethicone, Isopropyl Palmitate, Stearoxytrimethylsilane, Sorbitan Stearate, Cetyl Alcohol, Synthetic Beeswax, Stearyl Alcohol, Benzyl Alcohol, Carbomer, Fragrance, Methylparaben, Propylparaben, Butylparaben, BHT, Sodium Hydroxide, Red 33",
    ),
    (
        "baby-lotion-shea",
        "Johnson's Shea & Cocoa Butter Baby Lotion",
        "https://www.ewg.org/skindeep/products/874458-Johnsons_Shea__Cocoa_Butter_Baby_Lotion_2019_formulation/",
        "infant",
        None,
        "WATER, MINERAL OIL, GLYCERIN, CARBOMER, PHENOXYETHANOL, CETEARETH-6, METHYLPARABEN, SODIUM CITRATE, FRAGRANCE, STEARYL ALCOHOL, SODIUM HYDROXIDE, PROPYLPARABEN, ETHYLPARABEN, BUTYROSPERMUM PARKII (SHEA BUTTER), THEOBROMA CACAO (COCOA) SEED BUTTER, CITRIC ACID.",
    ),
    (
        "cerave-baby",
        "CeraVe Baby Moisturizing Cream (dimethicone 1.2%)",
        "https://dailymed.nlm.nih.gov/dailymed/drugInfo.cfm?setid=c48088a9-d458-4993-9cbe-c8dc795b5fee",
        "infant",
        None,
        "Active ingredients Dimethicone 1.2% Purpose Skin protectant Inactive ingredients water, glycerin, cetearyl alcohol, caprylic/capric triglycerides, cetyl alcohol, ceteareth-20, petrolatum, ceramide 3, ceramide 6-II, ceramide 1, hyaluronic acid, cholesterol, phenoxyethanol, behentrimonium methosulphate, potassium phosphate, dipotassium phosphate, ethylhexylglycerin, sodium lauroyl lactylate, disodium EDTA, phytosphingosine, carbomer, xanthan gum, sodium hydroxide",
    ),
    # ---- eye
    (
        "eye-rwr",
        "Neutrogena Rapid Wrinkle Repair Eye Cream (retinol)",
        "https://skinsort.com/products/neutrogena/rapid-wrinkle-repair-eye-cream-with-hyaluronic-acid",
        "eye-area",
        None,
        "Water, Pentaerythrityl Tetraethylhexanoate, Dimethicone, Glycerin, PPG-15 Stearyl Ether, Cetearyl Alcohol, Stearyl Alcohol, Butylene Glycol, Ceteareth-20, Isohexadecane, Trisiloxane, Dimethicone Crosspolymer, Phenoxyethanol, Caprylyl Glycol, Ammonium Acryloyldimethyltaurate/Vp Copolymer, Polyacrylamide, Polyethylene, Chlorphenesin, C13-14 Isoparaffin, Ptfe, Hydrolyzed Myrtus Communis Leaf Extract, BHT, Sodium Hyaluronate, Disodium EDTA, Laureth-7, Ascorbic Acid, Polysorbate 20, Retinol, Sodium Hydroxide",
    ),
    (
        "eye-clear",
        "Clear Skincare Brightening Eye Cream (IPM 4th)",
        "https://skinsort.com/products/clear-skincare/brightening-eye-cream",
        "eye-area",
        None,
        "Water, Glycerin, Cetearyl Alcohol, Isopropyl Myristate, Caprylic/Capric Triglyceride, Potassium Cetyl Phosphate, 1,2-Hexanediol, Butyrospermum Parkii Butter, PEG-20 Stearate, Caffeine, Hydroxyacetophenone, Acrylates/C10-30 Alkyl Acrylate Crosspolymer, Aminomethyl Propanol, Ascorbyl Glucoside, Ferulic Acid, Ubiquinone, Disodium EDTA",
    ),
    (
        "eye-simple",
        "Simple Soothing Eye Balm",
        "https://skinsort.com/products/simple-skincare/soothing-eye-balm",
        "eye-area",
        None,
        "Water, PEG-100 Stearate, Glyceryl Stearate, Butyrospermum Parkii Butter, Cyclopentasiloxane, Bisabolol, C13-14 Isoparaffin, Caprylyl Glycol, Cetearyl Alcohol, Laureth-7, Panthenol, Pantolactone, Phenoxyethanol, Polyacrylamide, Simmondsia Chinensis Seed Oil, Sodium Hyaluronate, Tocopheryl Acetate",
    ),
    (
        "eye-soraya",
        "Soraya City S.O.S. cream-compress for under eyes and eyelids",
        "https://incidecoder.com/products/soraya-city-s-o-s-smoothing-cream-compress-for-under-eyes-and-eyelids",
        "eye-area",
        None,
        "Aqua, Glycerin, Ethylhexyl Stearate, Sorbitan Stearate, Canola Oil, Distarch Phosphate, Propanediol, Triethylhexanoin, Cetyl Stearate, Hydrogenated Vegetable Glycerides, Pentaerythrityl Tetraethylhexanoate, Trehalose, Allantoin, Prunus Persica Flower Extract, Tocopheryl Acetate, Laminaria Ochroleuca Extract, Biosaccharide Gum-1, Sucrose Cocoate, Hydroxyethyl Acrylate/Sodium Acryloyldimethyl Taurate Copolymer, Cetyl Alcohol, Isostearyl Isostearate, Potassium Cetyl Phosphate, Dimethicone, Caprylic/Capric Triglyceride, Sodium Citrate, Disodium EDTA, Octadecyl Di-T-Butyl-4-Hydroxyhydrocinnamate, Polysorbate 60, Sorbitan Isostearate, Caprylyl Glycol, Stearic Acid, Citric Acid, Phenoxyethanol, Methylparaben, Sodium Benzoate",
    ),
    # ---- routine single products
    (
        "cef",
        "SkinCeuticals C E Ferulic (published INCI)",
        "well known brand INCI",
        None,
        None,
        "Aqua/Water/Eau, Ethoxydiglycol, Ascorbic Acid, Glycerin, Propylene Glycol, Laureth-23, Phenoxyethanol, Tocopherol, Triethanolamine, Ferulic Acid, Panthenol, Sodium Hyaluronate",
    ),
    (
        "to-glycolic",
        "The Ordinary Glycolic Acid 7% Toning Solution",
        "https://www.oreleona.com/2020/01/the-ordinary-glycolic-acid-7-toning.html",
        "post-procedure",
        None,
        "Aqua (Water), Glycolic Acid, Rosa damascena flower water, Centaurea cyanus flower water, Aloe Barbadensis Leaf Water, Propanediol, Glycerin, Triethanolamine, Aminomethyl Propanol, Panax Ginseng Root Extract, Tasmannia Lanceolata Fruit/Leaf Extract, Aspartic Acid, Alanine, Glycine, Serine, Valine, Isoleucine, Proline, Threonine, Histidine, Phenylalanine, Glutamic Acid, Arginine, PCA, Sodium PCA, Sodium Lactate, Fructose, Glucose, Sucrose, Urea, Hexyl Nicotinate, Dextrin, Citric Acid, Polysorbate 20, Gellan Gum, Trisodium Ethylenediamine Disuccinate, Sodium Chloride, Hexylene Glycol, Potassium Sorbate, Sodium Benzoate, 1,2-Hexanediol, Caprylyl Glycol.",
    ),
    (
        "to-retinol",
        "The Ordinary Retinol 0.5% in Squalane (pregnant)",
        "https://watsans.lk/product-details/the-ordinary-retinol-05-in-squalene-serum-30ml",
        "pregnancy",
        None,
        "Squalane, Caprylic/Capric Triglyceride, Simmondsia Chinensis (Jojoba) Seed Oil, Retinol, Solanum Lycopersicum (Tomato) Fruit Extract, Rosmarinus Officinalis (Rosemary) Leaf Extract, Hydroxymethoxyphenyl Decanone, BHT.",
    ),
    (
        "to-niacinamide",
        "The Ordinary Niacinamide 10% + Zinc 1%",
        "https://well.ca/products/the-ordinary-niacinamide-10-zinc_123675.html",
        None,
        None,
        "Aqua (Water), Niacinamide, Pentylene Glycol, Zinc PCA, Tamarindus Indica Seed Gum, Xanthan Gum, Isoceteth-20, Ethoxydiglycol, Phenoxyethanol, Chlorphenesin",
    ),
    (
        "pc-bha-eye",
        "Paula's Choice 2% BHA Liquid (around eyes)",
        "https://visualfoodie.com/paulas-choice-bha-liquid-ingredient-list",
        "eye-area",
        None,
        "Water (Aqua), Methylpropanediol, Butylene Glycol, Salicylic Acid, Polysorbate 20, Camellia Oleifera (Green Tea) Leaf Extract, Sodium Hydroxide, Tetrasodium EDTA.",
    ),
]

T = {c[0]: c for c in CASES}

ROUTINES = [
    (
        "R1 BPO wash AM + tretinoin PM",
        None,
        [
            {
                "name": "CeraVe Acne Foaming Cream Cleanser",
                "when": "AM",
                "text": T["cerave-bpo"][5],
            },
            {"name": "Tretinoin cream 0.025%", "when": "PM", "text": T["tretinoin-cream-0025"][5]},
        ],
    ),
    (
        "R2 vitamin C serum + BPO gel (both AM)",
        None,
        [
            {"name": "C E Ferulic", "when": "AM", "text": T["cef"][5]},
            {"name": "BenzaClin gel", "when": "AM", "text": T["benzaclin"][5]},
        ],
    ),
    (
        "R3 retinol + AHA toner (same night)",
        None,
        [
            {"name": "Glycolic Acid 7% Toning Solution", "when": "PM", "text": T["to-glycolic"][5]},
            {"name": "Retinol 0.5% in Squalane", "when": "PM", "text": T["to-retinol"][5]},
        ],
    ),
    (
        "R4 niacinamide + vitamin C (AM)",
        None,
        [
            {"name": "Niacinamide 10% + Zinc 1%", "when": "AM", "text": T["to-niacinamide"][5]},
            {"name": "C E Ferulic", "when": "AM", "text": T["cef"][5]},
        ],
    ),
    (
        "R5 tretinoin + OTC adapalene + BHA (all PM)",
        None,
        [
            {"name": "Tretinoin cream", "when": "PM", "text": T["tretinoin-cream-0025"][5]},
            {"name": "Differin gel", "when": "PM", "text": T["differin-gel"][5]},
            {"name": "2% BHA liquid", "when": "PM", "text": T["pc-bha-eye"][5]},
        ],
    ),
    (
        "R6 hydroquinone + BPO wash (no times)",
        None,
        [
            {"name": "Hydroquinone 4% cream", "text": T["hydroquinone"][5]},
            {"name": "PanOxyl-type BPO 4% wash", "text": T["cvs-bpo-preg"][5]},
        ],
    ),
    (
        "R7 pregnancy: azelaic + SA wash + BPO",
        "pregnancy",
        [
            {"name": "Finacea gel", "when": "AM+PM", "text": T["finacea"][5]},
            {"name": "Acne wash", "when": "AM", "text": T["neutrogena-sa-wash"][5]},
        ],
    ),
]

# ---- minimal probes isolating each class of error (run with --probes)
PROBES = [
    (
        "P-purpose-col",
        "Active Ingredients Purpose\nZinc Oxide 9.0%.................UVA/UVB Sunscreen\nOctinoxate 7.5%.........................UVB Sunscreen\nInactive Ingredients\nPurified Water, Isopropyl Palmitate, Octyl Stearate",
        None,
        None,
    ),
    (
        "P-use-heading",
        "Drug Facts\nActive ingredient                               Purpose\nBenzoyl Peroxide 4%.........................Acne Treatment\n\nUse For the treatment of acne.\n\nWarnings\nFor external use only.\nInactive ingredients\nWater, Sodium Cocoyl Isethionate, Cetearyl Alcohol",
        None,
        None,
    ),
    (
        "P-none",
        "Active ingredient: White petrolatum USP 100%. Inactive ingredients: none",
        None,
        None,
    ),
    (
        "P-tret-in",
        "Tretinoin cream contains tretinoin in 0.05% by weight, in a hydrophilic cream vehicle of stearic acid, isopropyl myristate, purified water",
        "pregnancy",
        None,
    ),
    (
        "P-metro",
        "Metronidazole Topical Gel 0.75% contains metronidazole 0.75% in a gel consisting of carbomer 940, edetate disodium, methylparaben, propylene glycol, propylparaben, purified water, and sodium hydroxide.",
        None,
        None,
    ),
    (
        "P-clinda",
        "BenzaClin Topical Gel contains 1% clindamycin and 5% benzoyl peroxide in a base of carbomer, sodium hydroxide, docusate sodium, and purified water.",
        None,
        None,
    ),
    (
        "P-hq-tr",
        "Each gram of Hydroquinone USP, 4% Time Release Cream contains 40 mg hydroquinone USP and retinyl palmitate (vitamin A) incorporated into microspheres composed of acrylates/C10-30 alkyl acrylate crosspolymer. This polymeric system provides gradual release of active ingredient into the skin. Other ingredients include ascorbic acid, cetyl alcohol, purified water.",
        "pregnancy",
        None,
    ),
    (
        "P-naoh-ph",
        "Azelaic Acid 15%, Purified Water, Lecithin, sodium hydroxide to adjust pH",
        None,
        None,
    ),
    (
        "P-wool-alc",
        "6.1. List of excipients Protegin X*, petroleum jelly, wool fat, white beeswax, almond oil, cetyl alcohol, stearyl alcohol, liquid kerosene, purified water. *Composition of Protegin X: light liquid kerosene, petrolatum, microcrystalline wax (THG), glycerol monooleate, wool fat alcohols.",
        "infant",
        None,
    ),
    (
        "P-order-a",
        "Tretinoin 0.025%, stearic acid, isopropyl myristate, polyoxyl 40 stearate, stearyl alcohol, xanthan gum, sorbic acid, butylated hydroxytoluene, purified water",
        None,
        None,
    ),
    (
        "P-order-b",
        "Tretinoin 0.025%, butylated hydroxytoluene, isopropyl myristate, polyoxyl 40 stearate, purified water, sorbic acid, stearic acid, stearyl alcohol, xanthan gum",
        None,
        None,
    ),
    (
        "P-head-pct-a",
        "Aqua, Petrolatum, Paraffinum Liquidum, Cetearyl Alcohol, Glycerin",
        None,
        None,
    ),
    (
        "P-head-pct-b",
        "Hydrocortisone 1%, Aqua, Petrolatum, Paraffinum Liquidum, Cetearyl Alcohol, Glycerin",
        None,
        None,
    ),
    ("P-one-oil", "Sclerocarya Birrea Seed Oil", None, None),
    ("P-two-oils", "Sclerocarya Birrea Seed Oil, Simmondsia Chinensis Seed Oil", None, None),
    ("P-rosehip-seed-eye", "Rosa Canina Seed Oil", "eye-area", None),
    ("P-rosehip-fruit-eye", "Rosa Canina Fruit Oil", "eye-area", None),
    ("P-seabuckthorn-eye", "Hippophae Rhamnoides Fruit Oil", "eye-area", None),
    ("P-parfum-eye", "Aqua, Glycerin, Dimethicone, Parfum", "eye-area", None),
    ("P-parfum-infant", "Aqua, Glycerin, Dimethicone, Fragrance", "infant", None),
    ("P-parfum-post", "Aqua, Glycerin, Dimethicone, Fragrance", "post-procedure", None),
    (
        "P-balsam",
        "Castor Oil, Mineral Oil, Paraffin, Peruvian Balsam, Balsam of Peru, White Petrolatum",
        "infant",
        None,
    ),
    ("P-steroid-infant", "Hydrocortisone 1%, Aqua, Cetyl Alcohol, Glycerin", "infant", None),
    (
        "P-steroid-eye",
        "Clobetasol Propionate 0.05%, Propylene Glycol, Aqua, Cetyl Alcohol",
        "eye-area",
        None,
    ),
    (
        "P-steroid-face",
        "Clobetasol Propionate 0.05%, Propylene Glycol, Aqua, Cetyl Alcohol",
        None,
        None,
    ),
    (
        "P-sa-wash-preg",
        "Salicylic Acid 2%, Aqua, Sodium C14-16 Olefin Sulfonate, Cocamidopropyl Betaine",
        "pregnancy",
        "rinse-off",
    ),
]


def run_probes():
    for pid, text, ctx, pt in PROBES:
        r = screener.screen(text, context=ctx, product_type=pt)
        print(f"== {pid} ctx={ctx} pt={pt}\n{brief(r)}\n")
    # routine API ignores the name-derived product type (CLI does not)
    t = "Aqua, Isopropyl Myristate, Sodium Laureth Sulfate, Glycerin"
    rr = screener.screen_routine(
        [
            {"name": "Gentle Foaming Cleanser", "when": "AM", "text": t},
            {"name": "Serum", "when": "PM", "text": "Aqua, Glycerin"},
        ]
    )
    print(
        "== P-routine-type API:",
        rr.products[0].product_type,
        rr.products[0].verdict.label,
        "| screen(name=...):",
        screener.screen(t, name="Gentle Foaming Cleanser").verdict.label,
    )


def brief(r, full=False):
    v = r.verdict
    out = [
        f"VERDICT: {v.label} | counts={v.counts} recog={v.recognised_share:.2f} deciding={v.deciding}"
    ]
    ings = []
    for i in r.ingredients:
        s = f"{i.position}.{i.text!r}->{i.inci}({i.match})"
        if i.annotations:
            s += f" ann={i.annotations}"
        if i.flag:
            s += f" [{i.flag}]"
        ings.append(s)
    out.append("  ING: " + " | ".join(ings))
    for f in r.findings:
        out.append(
            f"  F[{f.severity}/{f.kind}/{f.rule}] {f.ingredients}: {f.reason[:260] if not full else f.reason}"
        )
    if r.notes and full:
        out.append("  NOTES: " + " || ".join(r.notes))
    return "\n".join(out)


# ---- the reviewer's own verdicts (2026-12-03), with a source for each
# disagreement in README.md. MF milia-friendly, UWC use with care, NMF not
# milia-friendly. A routine's expectation: the clash rule ids it must raise.
MF, UWC, NMF = "milia-friendly", "use with care", "not milia-friendly"
EXPECTED = {
    "aquaphor": NMF, "aquaphor-eye": NMF, "cerave-ointment": NMF, "vaseline": NMF,
    "vaseline-infant": NMF, "lansinoh": NMF, "lansinoh-infant": NMF, "bepanthen": NMF,
    "desitin-generic": NMF, "desitin-daily": NMF, "zinc-balsam": NMF, "zinc-plant": UWC,
    "cerave-balm": NMF, "eltamd-shield": NMF, "eltamd-facial": NMF, "neutrogena-drytouch": MF,
    "cerave-bpo": MF, "cvs-bpo-preg": UWC, "neutrogena-sa-wash": MF, "neutrogena-sa-cream": MF,
    "hydrocortisone-cvs": UWC, "hydrocortisone-eye": NMF, "tretinoin-cream": NMF,
    "tretinoin-cream-0025": UWC, "tretinoin-gel": MF, "differin-gel": NMF, "differin-cream": MF,
    "finacea": MF, "finacea-fungal": UWC, "benzaclin": MF, "metrogel": MF, "hydroquinone": NMF,
    "hydroquinone-tr": UWC, "clobetasol-oint": NMF, "clobetasol-eye": NMF, "rosehip": UWC,
    "squalane": MF, "squalane-fa": MF, "marula": UWC, "jojoba": UWC, "coconut": NMF,
    "coconut-fa": NMF, "coconut-infant": NMF, "bio-oil-preg": NMF, "baby-oil": NMF,
    "baby-lotion": NMF, "baby-lotion-shea": UWC, "cerave-baby": UWC, "eye-rwr": UWC,
    "eye-clear": NMF, "eye-simple": UWC, "eye-soraya": UWC, "cef": UWC, "to-glycolic": NMF,
    "to-retinol": NMF, "to-niacinamide": MF, "pc-bha-eye": UWC,
}  # fmt: skip
EXPECTED_CLASHES = {
    "R1": {"C01"}, "R2": {"C06"}, "R3": {"C04"}, "R4": {"C13"}, "R5": {"C05", "C04"},
    "R6": {"C07"},
}  # fmt: skip
# R7 (pregnancy: azelaic gel + salicylic acid wash + BPO): milia-friendly, the wash rinsed off.
EXPECTED_ROUTINE_VERDICT = {"R7": MF}


def agreement(use_names: bool = True) -> None:
    """How many verdicts agree with the reviewer's; ``use_names``: pass each
    product's name, as a person pasting it with its name would (it sets
    rinse-off for a wash)."""
    agree, rows = 0, []
    for cid, prod, _url, ctx, ptype, text in CASES:
        if cid not in EXPECTED:
            continue
        r = screener.screen(text, context=ctx, product_type=ptype, name=prod if use_names else None)
        ok = r.verdict.label == EXPECTED[cid]
        agree += ok
        rows.append(
            f"{'ok ' if ok else 'XX '} {cid:24s} tool={r.verdict.label:20s} reviewer={EXPECTED[cid]}"
        )
    r_agree, r_rows = 0, []
    for name, ctx, prods in ROUTINES:
        key = name.split()[0]
        rr = screener.screen_routine(prods, context=ctx)
        if key in EXPECTED_CLASHES:
            got = {f.rule for f in rr.findings}
            ok = EXPECTED_CLASHES[key] <= got
            r_rows.append(
                f"{'ok ' if ok else 'XX '} {name}: clashes {sorted(got)} (expected {sorted(EXPECTED_CLASHES[key])})"
            )
        else:
            ok = rr.verdict.label == EXPECTED_ROUTINE_VERDICT[key]
            r_rows.append(
                f"{'ok ' if ok else 'XX '} {name}: {rr.verdict.label} (expected {EXPECTED_ROUTINE_VERDICT[key]})"
            )
        r_agree += ok
    print("\n".join(rows + r_rows))
    print(f"products: {agree} of {len(rows)} verdicts agree; routines: {r_agree} of {len(r_rows)}")


def main(argv):
    full = "--full" in argv
    if "--probes" in argv:
        run_probes()
        return
    if "--agreement" in argv:
        agreement(use_names="--no-names" not in argv)
        return
    ids = [a for a in argv if not a.startswith("--")]
    for cid, prod, _url, ctx, ptype, text in CASES:
        if ids and cid not in ids:
            continue
        try:
            r = screener.screen(text, context=ctx, product_type=ptype)
            print(f"== {cid} | {prod} | ctx={ctx} type={r.product_type}\n{brief(r, full)}\n")
        except Exception as e:
            print(f"== {cid} ERROR {type(e).__name__}: {e}\n")
    for name, ctx, prods in ROUTINES:
        if ids and not any(name.startswith(i) for i in ids):
            continue
        rr = screener.screen_routine(prods, context=ctx)
        print(f"== ROUTINE {name} ctx={ctx}\nVERDICT: {rr.verdict.label} {rr.verdict.counts}")
        for p in rr.products:
            print(
                f"  product {p.name}: {p.verdict.label} type={p.product_type} counts={p.verdict.counts}"
            )
            for f in p.findings:
                if f.kind in ("conflict", "context"):
                    print(f"     pf[{f.severity}/{f.kind}/{f.rule}] {f.ingredients}")
        for f in rr.findings:
            print(f"  CLASH[{f.severity}/{f.rule}] {f.ingredients} {f.products}: {f.reason[:200]}")
        for a in rr.arrangement:
            print(f"  ARR {a.product}: {a.slot} ({a.why[:120]})")
        if rr.unresolved:
            print("  UNRESOLVED", rr.unresolved)
        print()


if __name__ == "__main__":
    main(sys.argv[1:])
