#!/usr/bin/env python3
"""Writes the demo commune of the budget explorer: Briqueville, a fictional commune of
about 3,000 inhabitants, its comptes administratifs 2019–2024 as TOTEM XML (M14 until
2022, M57 from 2023), with realistic magnitudes for its size, a debt annex, and
consistent identities (every total is computed from the lines), and its operating
spending spread over fonctions in the shares that communes of that size report (SPLIT
below, with its source; www/demo/SOURCES.md).
Also writes www/demo/briqueville.json, the manifest the app reads (files, populations).

Usage:
  python3 scripts/make-demo-commune.py                 # www/demo/
  python3 scripts/make-demo-commune.py --lines 2000 OUT.xml
      one compte administratif of about 2,000 lines (benchmark of the explorer's import)
"""
import json
import random
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "www" / "demo"
SIRET = "21990042000017"
NAME = "BRIQUEVILLE"
YEARS = range(2019, 2025)
POPULATION = {2019: 2968, 2020: 2981, 2021: 2995, 2022: 3004, 2023: 3012, 2024: 3020}

# (compte M14, compte M57, chapitre M14, chapitre M57, fonction M14, fonction M57, D/R, ordre, 2019 amount)
F = [
    ("60611", "60611", "011", "011", "020", "020", "D", 0, 31000),
    ("60612", "60612", "011", "011", "020", "020", "D", 0, 118000),
    ("60623", "60623", "011", "011", "251", "281", "D", 0, 112000),
    ("60631", "60631", "011", "011", "020", "020", "D", 0, 24000),
    ("6064", "6064", "011", "011", "020", "020", "D", 0, 8200),
    ("611", "611", "011", "011", "251", "281", "D", 0, 86000),
    ("6135", "6135", "011", "011", "020", "020", "D", 0, 11500),
    ("615221", "615221", "011", "011", "212", "212", "D", 0, 58000),
    ("615231", "615231", "011", "011", "822", "845", "D", 0, 44000),
    ("6156", "6156", "011", "011", "020", "020", "D", 0, 23500),
    ("616", "616", "011", "011", "020", "020", "D", 0, 21000),
    ("6226", "6226", "011", "011", "020", "020", "D", 0, 11000),
    ("6232", "6232", "011", "011", "024", "023", "D", 0, 17500),
    ("6247", "6247", "011", "011", "212", "212", "D", 0, 14500),
    ("6262", "6262", "011", "011", "020", "020", "D", 0, 9800),
    ("63512", "63512", "011", "011", "020", "020", "D", 0, 9600),
    ("64111", "64111", "012", "012", "020", "020", "D", 0, 610000),
    ("64131", "64131", "012", "012", "421", "421", "D", 0, 138000),
    ("6451", "6451", "012", "012", "020", "020", "D", 0, 147000),
    ("6453", "6453", "012", "012", "020", "020", "D", 0, 186000),
    ("6455", "6455", "012", "012", "020", "020", "D", 0, 29000),
    ("6336", "6336", "012", "012", "020", "020", "D", 0, 11800),
    ("6531", "6531", "65", "65", "021", "031", "D", 0, 58000),
    ("6553", "6553", "65", "65", "113", "12", "D", 0, 63000),
    ("65548", "65548", "65", "65", "020", "020", "D", 0, 38000),
    ("657362", "657362", "65", "65", "520", "42", "D", 0, 44000),
    ("6574", "6574", "65", "65", "025", "024", "D", 0, 54000),
    ("66111", "66111", "66", "66", "01", "01", "D", 0, 47000),
    ("739223", "739223", "014", "014", "01", "01", "D", 0, 11500),
    ("673", "6718", "67", "65", "01", "01", "D", 0, 2100),
    ("6811", "6811", "042", "042", "01", "01", "D", 1, 105000),
    ("023", "023", "023", "023", "01", "01", "D", 1, 190000),
    ("7311", "73111", "73", "731", "01", "01", "R", 0, 1215000),
    ("73211", "73211", "73", "731", "01", "01", "R", 0, 248000),
    ("7381", "7381", "73", "73", "01", "01", "R", 0, 88000),
    ("7411", "7411", "74", "74", "01", "01", "R", 0, 418000),
    ("74121", "74121", "74", "74", "01", "01", "R", 0, 139000),
    ("74835", "74835", "74", "74", "01", "01", "R", 0, 31000),
    ("7067", "7067", "70", "70", "251", "281", "R", 0, 148000),
    ("70323", "70323", "70", "70", "822", "845", "R", 0, 9500),
    ("70846", "70846", "70", "70", "020", "020", "R", 0, 68000),
    ("752", "752", "75", "75", "71", "551", "R", 0, 39000),
    ("6419", "6419", "013", "013", "020", "020", "R", 0, 24000),
    ("7788", "7788", "77", "75", "01", "01", "R", 0, 14500),
    ("722", "722", "042", "042", "01", "01", "R", 1, 12000),
]
I = [
    ("2031", "2031", "20", "20", "020", "020", "D", 0, 19000),
    ("2041582", "2041582", "204", "204", "822", "845", "D", 0, 14000),
    ("21312", "21312", "21", "21", "212", "212", "D", 0, 175000),
    ("2151", "2151", "21", "21", "822", "845", "D", 0, 255000),
    ("2152", "2152", "21", "21", "822", "845", "D", 0, 39000),
    ("2183", "2183", "21", "21", "020", "020", "D", 0, 12000),
    ("2184", "2184", "21", "21", "212", "212", "D", 0, 9500),
    ("2188", "2188", "21", "21", "411", "32", "D", 0, 24000),
    ("2313", "2313", "23", "23", "411", "32", "D", 0, 148000),
    ("1641", "1641", "16", "16", "01", "01", "D", 0, 185000),
    ("2313", "2313", "040", "040", "01", "01", "D", 1, 12000),
    ("10222", "10222", "10", "10", "01", "01", "R", 0, 92000),
    ("10226", "10226", "10", "10", "01", "01", "R", 0, 19000),
    ("1068", "1068", "10", "10", "01", "01", "R", 0, 240000),
    ("1321", "1321", "13", "13", "212", "212", "R", 0, 78000),
    ("1322", "1322", "13", "13", "822", "845", "R", 0, 39000),
    ("1323", "1323", "13", "13", "411", "32", "R", 0, 58000),
    ("1641", "1641", "16", "16", "01", "01", "R", 0, 0),
    ("28041582", "28041582", "040", "040", "01", "01", "R", 1, 14000),
    ("28183", "28183", "040", "040", "01", "01", "R", 1, 91000),
    ("021", "021", "021", "021", "01", "01", "R", 1, 190000),
]
# How the operating spending of an account is spread over fonctions: compte (M14, the key
# of F) → (fonction M14, fonction M57, share in %). Accounts not listed keep the one
# fonction of their row in F. Only the fonction axis moves: every account keeps its
# amount to the cent (each amount is cut into parts in whole cents), so the nature
# view, the indicators, savings and debt are those of one line per account.
#
# Proportions: the shares by fonction that real communes of this size report, from the
# DGCL (ministère de l'Intérieur, DESL), Bulletin d'information statistique n° 205,
# « Les dépenses par fonction des communes de plus de 3 500 habitants » (accounts 2024;
# collectivites-locales.gouv.fr, Études et statistiques, page of 19 December 2025): communes
# of 3,500 to 4,999 inhabitants, the smallest that must vote by fonction, put 47.5 % of
# their operating spending under services généraux (the staff not assigned to a
# fonction included); for all communes of 3,500 inhabitants or more (Paris excepted), « culture, vie
# sociale, sport et jeunesse » is 18.7 % and « enseignement, formation » (schools and
# what comes around them: canteens, childcare before and after school) 17.3 %. Communes
# under 3,500 inhabitants need not vote by fonction and no national figure is published
# for them: Briqueville (3,000) follows the nearest published strate. The split of each
# account below is the project's own (which agent works where in a commune of about 30
# agents: secretariat and reception, ATSEM and canteen staff, technical staff for roads
# and green spaces, the leisure centre, the library, one municipal police officer),
# chosen so that the fonction view of 2023 lands near those published shares: services
# généraux 49 %, school 21 % (a little above the average of larger communes: the canteen's
# food and contract are in it), culture, sport and youth 13 %; a core test
# (budget::explore, `the_demo_fonction_view_is_that_of_a_real_commune`) holds it there.
STAFF = [
    ("020", "020", 60),  # administration: secretariat, reception, état civil, accounts
    ("212", "212", 10),  # schools: ATSEM, cleaning
    ("251", "281", 4),   # school canteen
    ("421", "331", 8),   # leisure centre and after-school care
    ("321", "313", 3),   # library
    ("822", "845", 8),   # roads
    ("823", "511", 5),   # green spaces
    ("112", "11", 2),    # municipal police
]
SPLIT = {
    # Staff (chapter 012): salaries, contributions, the CNFPT levy follow the same split;
    # the contract staff work mostly around the school and the leisure centre.
    "64111": STAFF, "6451": STAFF, "6453": STAFF, "6455": STAFF, "6336": STAFF,
    "64131": [("421", "331", 45), ("251", "281", 25), ("212", "212", 10), ("020", "020", 20)],
    # Purchases (chapter 011): water, energy (street lighting included), supplies,
    # buildings' upkeep and maintenance, service contracts.
    "60611": [("020", "020", 30), ("212", "212", 30), ("411", "32", 40)],
    "60612": [("020", "020", 25), ("212", "212", 20), ("814", "512", 35), ("411", "32", 20)],
    "60631": [("020", "020", 40), ("212", "212", 40), ("411", "32", 20)],
    "611": [("251", "281", 50), ("020", "020", 50)],
    "615221": [("212", "212", 40), ("020", "020", 25), ("411", "32", 35)],
    "6156": [("020", "020", 60), ("212", "212", 40)],
    # Grants to associations: sport, culture, the others.
    "6574": [("415", "32", 40), ("33", "311", 30), ("025", "024", 30)],
}
assert all(sum(w for _, _, w in parts) == 100 for parts in SPLIT.values())


def split_cents(total, parts):
    """`total` (euros) cut into parts of whole cents by the shares `parts` (in %), the
    last part taking what rounding leaves, so that the parts add up to the cent."""
    cents = round(total * 100)
    out = []
    for i, (_, _, weight) in enumerate(parts):
        out.append(cents - sum(out) if i == len(parts) - 1 else round(cents * weight / 100))
    return [c / 100 for c in out]


# New loans by year (the big school works of 2021–2022) and the growth of each kind.
LOANS = {2019: 0, 2020: 0, 2021: 400000, 2022: 350000, 2023: 0, 2024: 150000}
WORKS = {2019: 1.0, 2020: 0.7, 2021: 1.9, 2022: 1.7, 2023: 0.9, 2024: 1.2}
DEBT_2018 = 1_950_000.0


def factor(year, compte, rd):
    inflation = {2019: 1.0, 2020: 1.005, 2021: 1.02, 2022: 1.075, 2023: 1.13, 2024: 1.16}[year]
    if rd == "R" and compte.startswith("7311"):
        return inflation * (1.0 + 0.012 * (year - 2019))
    if compte.startswith("7411"):
        return 1.0 - 0.008 * (year - 2019)
    return inflation


def year_lines(year):
    m57 = year >= 2023
    lines = []
    rng = random.Random(year)
    debt = DEBT_2018
    for y in range(2019, year):
        debt += LOANS[y] - 185000 * (1 + 0.02 * (y - 2019))
    for table in (F, I):
        for c14, c57, ch14, ch57, f14, f57, rd, ordre, base in table:
            compte, chapitre, fonction = (c57, ch57, f57) if m57 else (c14, ch14, f14)
            amount = base * factor(year, compte, rd) * (1 + rng.uniform(-0.03, 0.03))
            if compte.startswith(("21", "23", "2031", "204", "13")) and not ordre:
                amount = base * WORKS[year] * (1 + rng.uniform(-0.05, 0.05))
            if compte == "1641":
                amount = LOANS[year] if rd == "R" else 185000 * (1 + 0.02 * (year - 2019))
            if compte == "66111":
                amount = debt * 0.023
            if compte == "1068":
                amount = base * (0.8 + 0.3 * WORKS[year] / 2)
            if amount <= 0:
                continue
            prevu = round(amount * (1 + rng.uniform(0.0, 0.08)), -2)
            parts = SPLIT.get(c14) if table is F and rd == "D" else None
            if parts is None:
                lines.append((compte, chapitre, fonction, rd, ordre, round(amount, 2), prevu))
                continue
            for (f14_, f57_, _), real, planned in zip(
                parts, split_cents(round(amount, 2), parts), split_cents(prevu, parts)
            ):
                lines.append((compte, chapitre, f57_ if m57 else f14_, rd, ordre, real, planned))
    return lines, debt


def xml(year, lines, debt_start):
    m57 = year >= 2023
    nomenclature = "M57-M57_A" if m57 else "M14-M14_COM_500_3500"
    body = []
    for compte, chapitre, fonction, rd, ordre, amount, prevu in lines:
        body.append(f"""    <LigneBudget>
      <Nature V="{compte}"/>
      <Fonction V="{fonction}"/>
      <ContNat V="{chapitre}"/>
      <CodRD V="{rd}"/>
      <MtPrev V="{prevu:.2f}"/>
      <MtReal V="{amount:.2f}"/>
      <OpBudg V="{ordre}"/>
    </LigneBudget>""")
    repaid = sum(l[5] for l in lines if l[0] == "1641" and l[3] == "D")
    borrowed = sum(l[5] for l in lines if l[0] == "1641" and l[3] == "R")
    debt_end = debt_start - repaid + borrowed
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<!-- Commune fictive écrite par le projet Briques (données inventées, licence Etalab-2.0). -->
<DocumentBudgetaire xmlns="http://www.minefi.gouv.fr/cp/demat/docbudgetaire">
  <VersionSchema V="103"/>
  <EnTeteDocBudgetaire>
    <DteStr V="{year + 1}-05-30"/>
    <LibelleColl V="{NAME}"/>
    <IdColl V="{SIRET}"/>
    <Departement V="099"/>
  </EnTeteDocBudgetaire>
  <Budget>
    <EnTeteBudget>
      <LibelleEtab V="BUDGET PRINCIPAL {NAME}"/>
      <IdEtab V="{SIRET}"/>
      <Nomenclature V="{nomenclature}"/>
    </EnTeteBudget>
    <BlocBudget>
      <NatDec V="09"/>
      <Exer V="{year}"/>
      <CodTypBud V="P"/>
    </BlocBudget>
{chr(10).join(body)}
    <Annexes>
      <DATA_EMPRUNT>
        <EMPRUNT>
          <CodTypEmpr V="01"/>
          <LibOrgaPreteur V="Banque fictive des territoires"/>
          <MtCapitalRestDu_01_01 V="{debt_start:.2f}"/>
          <MtCapitalRestDu_31_12 V="{debt_end:.2f}"/>
        </EMPRUNT>
      </DATA_EMPRUNT>
    </Annexes>
  </Budget>
</DocumentBudgetaire>
"""


def big(path, target):
    """About `target` lines: the 2023 account spread over many sub-accounts and fonctions."""
    lines, debt = year_lines(2023)
    rng = random.Random(7)
    fonctions = ["020", "021", "024", "025", "11", "211", "212", "251", "311", "313", "32", "33", "41", "42",
                 "421", "422", "510", "52", "61", "71", "72", "812", "813", "843", "845"]
    out = []
    per = max(1, target // len(lines))
    for compte, chapitre, fonction, rd, ordre, amount, prevu in lines:
        parts = 1 if ordre or compte in ("023", "021", "1641", "1068") else per
        for k in range(parts):
            share = amount / parts
            f = fonction if parts == 1 else rng.choice(fonctions)
            out.append((compte, chapitre, f, rd, ordre, round(share, 2), round(share * 1.04, 2)))
    Path(path).write_text(xml(2023, out, debt), encoding="utf-8")
    print(f"{len(out)} lines written to {path}")


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--lines":
        big(sys.argv[3], int(sys.argv[2]))
        sys.exit(0)
    OUT.mkdir(parents=True, exist_ok=True)
    files = []
    for year in YEARS:
        lines, debt = year_lines(year)
        name = f"briqueville-ca-{year}.xml"
        (OUT / name).write_text(xml(year, lines, debt), encoding="utf-8")
        files.append({"exercice": year, "fichier": name, "population": POPULATION[year]})
    manifest = {"format": "briques-demo", "version": 1, "nom": "Briqueville", "insee": "99042",
                "note": "Commune fictive écrite par le projet Briques ; données inventées.", "budgets": files}
    # The statistics of the demo's strate (2,000 to 3,499 inhabitants), real figures
    # fetched from the OFGL by scripts/make-demo-strates: listed only when they are there,
    # so that the page never asks for a file the server does not have.
    if (OUT / "strates.json").exists():
        manifest["strates"] = "strates.json"
    (OUT / "briqueville.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print("demo commune written to", OUT)
