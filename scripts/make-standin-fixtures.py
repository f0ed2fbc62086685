#!/usr/bin/env python3
"""Writes the fixtures of tests/standin/, served by `briques-standin` (the local stand-in
for data.ofgl.fr, data.economie.gouv.fr and data.gouv.fr used by tests). Everything here
is synthetic and deterministic: the same script always writes the same bytes.

- ofgl-crach.csv: OFGL consolidated rows for Crach (56046), 2017-2023, the 50 agrégats,
  with the identities of the OFGL scheme (Epargne brute = RF - DF, Epargne nette = brute -
  remboursements, totals = their parts, encours carried from year to year...).
- ofgl-strates.csv: about 40 real communes (names, INSEE codes, populations from
  www/communes/communes.tsv) per Briques strate, 2017-2023, 8 agrégats each, one row per
  commune and year, one column per agrégat (the stand-in turns each cell into one row).
- dgfip-balances.csv: DGFiP balances of the main budgets of Crach and Cazères,
  2019-2023, whose accounts add up to their OFGL agrégats (Cazères: the headline
  figures of its public OFGL rows for 2022-2023, written below, earlier years scaled).
- datagouv-datasets.json and files/: data.gouv.fr catalogue entries and their files.

Usage: python3 scripts/make-standin-fixtures.py
"""
import json
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "standin"
DIRECTORY = ROOT / "www" / "communes" / "communes.tsv"
YEARS = list(range(2017, 2024))
DGFIP_YEARS = list(range(2019, 2024))

# Briques strates (core/src/budget/explore/strates.rs): lowest population of each.
STRATES = [0, 250, 500, 2000, 3500, 5000, 10000, 20000, 50000, 100000]
PER_STRATE = 40
# OFGL's tranche_population codes: lowest population of codes 0..10.
TRANCHES = [0, 100, 200, 500, 2000, 3500, 5000, 10000, 20000, 50000, 100000]

AGREGATS_50 = [
    "Achats et charges externes", "Annuité de la dette", "Autres dotations de fonctionnement",
    "Autres dotations et subventions", "Autres dépenses d'investissement",
    "Autres dépenses de fonctionnement", "Autres impôts et taxes",
    "Autres recettes d'investissement", "Autres recettes de fonctionnement",
    "Capacité ou besoin de financement", "Charges financières", "Concours de l'Etat",
    "Crédits de trésorerie", "DETR", "Dotation globale de fonctionnement",
    "Dépenses d'intervention", "Dépenses d'investissement",
    "Dépenses d'investissement hors remb", "Dépenses d'équipement",
    "Dépenses de fonctionnement", "Dépenses totales", "Dépenses totales hors remb",
    "Dépôts au Trésor", "Emprunts hors GAD", "Encours de dette",
    "Encours de dette - Dettes bancaires et assimilées",
    "Encours de dette - Dépôts et cautionnements reçus", "Epargne brute",
    "Epargne de gestion", "Epargne nette", "FCTVA", "Fiscalité reversée",
    "Flux net de dette", "Fonds de roulement", "Frais de personnel", "Impôts et taxes",
    "Impôts locaux", "Produit des cessions d'immobilisations",
    "Péréquations et compensations fiscales", "Recettes d'investissement",
    "Recettes d'investissement hors emprunts", "Recettes de fonctionnement",
    "Recettes totales", "Recettes totales hors emprunts",
    "Remboursements d'emprunts hors GAD", "Subventions aux personnes de droit privé",
    "Subventions d'équipement versées", "Subventions reçues et participations",
    "Variation du fonds de roulement", "Ventes de biens et services",
]
assert len(AGREGATS_50) == 50

AGREGATS_8 = [
    "Recettes de fonctionnement", "Dépenses de fonctionnement", "Epargne de gestion",
    "Epargne brute", "Remboursements d'emprunts hors GAD", "Epargne nette",
    "Dépenses d'équipement", "Encours de dette",
]


def usual_siren(insee):
    """'21', the département (2A/2B as 20), '0', the commune's number, a Luhn digit."""
    dep = "20" if insee[1] in "AB" else insee[:2]
    body = "21" + dep + "0" + insee[2:]
    for check in "0123456789":
        if luhn_ok(body + check):
            return body + check
    raise ValueError(insee)


def luhn_ok(digits):
    total = 0
    for i, c in enumerate(reversed(digits)):
        d = int(c) * (2 if i % 2 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


def siret(siren):
    for nic in range(10, 100):
        candidate = f"{siren}000{nic:02d}"
        if luhn_ok(candidate):
            return candidate
    raise ValueError(siren)


def tranche(population):
    return max(i for i, low in enumerate(TRANCHES) if population >= low)


def strate(population):
    return max(i for i, low in enumerate(STRATES) if population >= low)


def money(x):
    return f"{x:.2f}"


def read_directory():
    communes, departements = [], {}
    for line in DIRECTORY.read_text(encoding="utf-8").splitlines():
        f = line.split("\t")
        if f[0] == "departement":
            departements[f[1]] = f[3]
        if f[0] != "COM" or not f[7]:
            continue
        siren = usual_siren(f[1]) if f[5] == "=" else f[5]
        if not siren:
            continue
        communes.append({"insee": f[1], "name": f[2], "dep": f[3], "siren": siren,
                         "epci": f[6], "population": int(f[7])})
    return communes, departements


def crach_agregats(ptot, year, state, rng):
    """The 50 agrégats of one year, built from parts so that OFGL's identities hold."""
    g = 1.025 ** (year - 2017)
    r = lambda a, b: rng.uniform(a, b)
    a = {}
    a["Impôts locaux"] = ptot * 520 * g * r(0.98, 1.02)
    a["Autres impôts et taxes"] = ptot * 95 * g * r(0.8, 1.2)
    a["Impôts et taxes"] = a["Impôts locaux"] + a["Autres impôts et taxes"]
    a["Fiscalité reversée"] = ptot * 38 * r(0.99, 1.01)
    a["Dotation globale de fonctionnement"] = ptot * 150 * r(0.97, 1.0)
    a["Autres dotations de fonctionnement"] = ptot * 6 * r(0.5, 1.5)
    a["Péréquations et compensations fiscales"] = ptot * 30 * r(0.9, 1.1)
    a["Concours de l'Etat"] = (a["Dotation globale de fonctionnement"]
                               + a["Autres dotations de fonctionnement"]
                               + a["Péréquations et compensations fiscales"])
    a["Ventes de biens et services"] = ptot * 85 * g * r(0.9, 1.1)
    a["Subventions reçues et participations"] = ptot * 70 * r(0.8, 1.2)
    a["Autres recettes de fonctionnement"] = ptot * 45 * r(0.7, 1.3)
    a["Recettes de fonctionnement"] = (a["Impôts et taxes"] + a["Concours de l'Etat"]
                                       + a["Ventes de biens et services"]
                                       + a["Subventions reçues et participations"]
                                       + a["Autres recettes de fonctionnement"])
    a["Achats et charges externes"] = ptot * 290 * g * r(0.95, 1.05)
    a["Frais de personnel"] = ptot * 390 * g * r(0.98, 1.02)
    a["Charges financières"] = state["encours"] * 0.022
    a["Subventions aux personnes de droit privé"] = ptot * 28 * r(0.9, 1.1)
    a["Dépenses d'intervention"] = a["Subventions aux personnes de droit privé"] + ptot * 40 * r(0.9, 1.1)
    a["Autres dépenses de fonctionnement"] = ptot * 22 * r(0.6, 1.4)
    a["Dépenses de fonctionnement"] = (a["Achats et charges externes"] + a["Frais de personnel"]
                                       + a["Charges financières"] + a["Dépenses d'intervention"]
                                       + a["Autres dépenses de fonctionnement"])
    a["Epargne brute"] = a["Recettes de fonctionnement"] - a["Dépenses de fonctionnement"]
    a["Epargne de gestion"] = a["Epargne brute"] + a["Charges financières"]
    a["Remboursements d'emprunts hors GAD"] = state["encours"] / 14
    a["Epargne nette"] = a["Epargne brute"] - a["Remboursements d'emprunts hors GAD"]
    a["Dépenses d'équipement"] = ptot * r(180, 420)
    a["Subventions d'équipement versées"] = ptot * r(5, 20)
    a["Autres dépenses d'investissement"] = ptot * r(0, 4)
    a["Dépenses d'investissement hors remb"] = (a["Dépenses d'équipement"]
                                                + a["Subventions d'équipement versées"]
                                                + a["Autres dépenses d'investissement"])
    a["Dépenses d'investissement"] = a["Dépenses d'investissement hors remb"] + a["Remboursements d'emprunts hors GAD"]
    a["FCTVA"] = a["Dépenses d'équipement"] * 0.16404 * r(0.6, 1.0)
    a["DETR"] = ptot * r(0, 30)
    a["Autres dotations et subventions"] = ptot * r(20, 60)
    a["Produit des cessions d'immobilisations"] = ptot * r(0, 5)
    a["Autres recettes d'investissement"] = ptot * r(2, 12)
    a["Recettes d'investissement hors emprunts"] = (a["FCTVA"] + a["DETR"]
                                                    + a["Autres dotations et subventions"]
                                                    + a["Produit des cessions d'immobilisations"]
                                                    + a["Autres recettes d'investissement"])
    a["Emprunts hors GAD"] = 0.0 if year % 3 else ptot * 250.0
    a["Recettes d'investissement"] = a["Recettes d'investissement hors emprunts"] + a["Emprunts hors GAD"]
    a["Dépenses totales"] = a["Dépenses de fonctionnement"] + a["Dépenses d'investissement"]
    a["Dépenses totales hors remb"] = a["Dépenses de fonctionnement"] + a["Dépenses d'investissement hors remb"]
    a["Recettes totales"] = a["Recettes de fonctionnement"] + a["Recettes d'investissement"]
    a["Recettes totales hors emprunts"] = a["Recettes de fonctionnement"] + a["Recettes d'investissement hors emprunts"]
    a["Capacité ou besoin de financement"] = a["Recettes totales hors emprunts"] - a["Dépenses totales hors remb"]
    a["Flux net de dette"] = a["Emprunts hors GAD"] - a["Remboursements d'emprunts hors GAD"]
    a["Annuité de la dette"] = a["Remboursements d'emprunts hors GAD"] + a["Charges financières"]
    a["Variation du fonds de roulement"] = a["Recettes totales"] - a["Dépenses totales"]
    state["encours"] += a["Flux net de dette"]
    state["fdr"] += a["Variation du fonds de roulement"]
    a["Encours de dette - Dépôts et cautionnements reçus"] = 4200.0
    a["Encours de dette - Dettes bancaires et assimilées"] = state["encours"]
    a["Encours de dette"] = state["encours"] + a["Encours de dette - Dépôts et cautionnements reçus"]
    a["Fonds de roulement"] = state["fdr"]
    a["Dépôts au Trésor"] = state["fdr"] * 0.93
    a["Crédits de trésorerie"] = 0.0
    a = {k: round(v, 2) for k, v in a.items()}
    assert sorted(a) == sorted(AGREGATS_50), set(AGREGATS_50) ^ set(a)
    return a


# Cazères (31135): the parts of its public OFGL agrégats for 2022 and 2023 (main figures
# of the real consolidated rows, enough to write balances that add up to them).
CAZERES = {
    2022: {"Achats et charges externes": 1661075.80, "Frais de personnel": 2246411.97,
           "Charges financières": 167856.42, "Dépenses d'intervention": 264846.87,
           "Subventions aux personnes de droit privé": 202350.00,
           "Autres dépenses de fonctionnement": 188685.93, "Impôts locaux": 2989477.00,
           "Autres impôts et taxes": 161288.75, "Dotation globale de fonctionnement": 740840.00,
           "Autres dotations de fonctionnement": 10250.74,
           "Péréquations et compensations fiscales": 277263.00,
           "Ventes de biens et services": 371256.73,
           "Subventions reçues et participations": 461059.57,
           "Autres recettes de fonctionnement": 438927.15,
           "Remboursements d'emprunts hors GAD": 1409671.63, "Dépenses d'équipement": 910174.48,
           "Subventions d'équipement versées": 0.0, "Autres dépenses d'investissement": 13820.39,
           "FCTVA": 316873.68, "DETR": 124194.81, "Autres dotations et subventions": 775475.40,
           "Produit des cessions d'immobilisations": 700.00,
           "Autres recettes d'investissement": 71139.60, "Emprunts hors GAD": 1029491.81,
           "Encours de dette": 6367549.43},
    2023: {"Achats et charges externes": 1803577.16, "Frais de personnel": 2452673.02,
           "Charges financières": 107468.38, "Dépenses d'intervention": 346309.00,
           "Subventions aux personnes de droit privé": 291098.13,
           "Autres dépenses de fonctionnement": 192309.81, "Impôts locaux": 3113826.00,
           "Autres impôts et taxes": 223727.97, "Dotation globale de fonctionnement": 764891.00,
           "Autres dotations de fonctionnement": 19276.67,
           "Péréquations et compensations fiscales": 300054.00,
           "Ventes de biens et services": 288760.92,
           "Subventions reçues et participations": 474670.46,
           "Autres recettes de fonctionnement": 241910.18,
           "Remboursements d'emprunts hors GAD": 476341.80, "Dépenses d'équipement": 1248596.58,
           "Subventions d'équipement versées": 0.0, "Autres dépenses d'investissement": 6000.00,
           "FCTVA": 101014.19, "DETR": 27286.00, "Autres dotations et subventions": 268633.75,
           "Produit des cessions d'immobilisations": 600.00,
           "Autres recettes d'investissement": 789.00, "Emprunts hors GAD": 1800000.00,
           "Encours de dette": 7691207.63},
}

# Where each part goes in the balance: (account, share of the part). M14 and M57 share
# these account numbers. Fiscalité reversée is left out: OFGL's recettes de
# fonctionnement do not count it (it is netted), and neither does the balance here.
SPLITS = {
    "Achats et charges externes": [("60611", .25), ("60612", .15), ("611", .30), ("615221", .15), ("6226", .15)],
    "Frais de personnel": [("64111", .55), ("64131", .15), ("6451", .17), ("6453", .13)],
    "Charges financières": [("66111", 1.0)],
    "Autres dépenses de fonctionnement": [("6531", .7), ("673", .3)],
    "Impôts locaux": [("73111", 1.0)],
    "Autres impôts et taxes": [("7381", .8), ("7351", .2)],
    "Dotation globale de fonctionnement": [("7411", 1.0)],
    "Autres dotations de fonctionnement": [("74718", 1.0)],
    "Péréquations et compensations fiscales": [("74834", 1.0)],
    "Ventes de biens et services": [("70323", .2), ("7066", .45), ("7067", .35)],
    "Subventions reçues et participations": [("7478", 1.0)],
    "Autres recettes de fonctionnement": [("752", .7), ("7788", .3)],
    "Dépenses d'équipement": [("2031", .08), ("2128", .07), ("21318", .2), ("2151", .3), ("2183", .05), ("2313", .3)],
    "Subventions d'équipement versées": [("2041582", 1.0)],
    "Autres dépenses d'investissement": [("275", 1.0)],
    "FCTVA": [("10222", 1.0)],
    "DETR": [("1341", 1.0)],
    "Autres dotations et subventions": [("1321", .4), ("1323", .6)],
    "Produit des cessions d'immobilisations": [("2111", 1.0)],
    "Autres recettes d'investissement": [("10226", 1.0)],
}
SPENDING = {"Achats et charges externes", "Frais de personnel", "Charges financières",
            "Autres dépenses de fonctionnement", "Dépenses d'équipement",
            "Subventions d'équipement versées", "Autres dépenses d'investissement"}

DGFIP_HEADER = ("exer;ident;ndept;lbudg;insee;cbudg;ctype;cstyp;nomen;siren;cregi;cacti;secteur;"
                "finess;codbud1;categ;bal;compte;bedeb;becre;obnetdeb;obnetcre;onbdeb;onbcre;"
                "oobdeb;oobcre;sd;sc")


def balance_rows(who, year, parts, encours_start):
    """Rows of one main budget: real flows from the parts, depreciation as ordre flows,
    and the debt account 1641 whose closing credit balance is the encours."""
    nomen = "M57" if year >= 2023 else "M14"
    flows = {}  # account -> [obnetdeb, obnetcre, oobdeb, oobcre]

    def add(account, deb=0.0, cre=0.0, odeb=0.0, ocre=0.0):
        f = flows.setdefault(account, [0.0, 0.0, 0.0, 0.0])
        f[0] += deb; f[1] += cre; f[2] += odeb; f[3] += ocre

    # Intervention spending other than subsidies to private bodies goes to 65548.
    add("6574", deb=parts["Subventions aux personnes de droit privé"])
    add("65548", deb=parts["Dépenses d'intervention"] - parts["Subventions aux personnes de droit privé"])
    for part, splits in SPLITS.items():
        total = round(parts[part], 2)
        shares = [round(total * s, 2) for _, s in splits]
        shares[-1] = round(total - sum(shares[:-1]), 2)  # the cents add up exactly
        for (account, _), value in zip(splits, shares):
            if part in SPENDING:
                add(account, deb=value)
            else:
                add(account, cre=value)
    add("1641", deb=parts["Remboursements d'emprunts hors GAD"], cre=parts["Emprunts hors GAD"])
    # Depreciation: an ordre expense in 6811 and its ordre receipt in 28183 (no real flow).
    depreciation = round(parts["Dépenses d'équipement"] * 0.35, 2)
    add("6811", deb=depreciation, odeb=depreciation)
    add("28183", cre=depreciation, ocre=depreciation)
    rows = []
    for account in sorted(flows):
        deb, cre, odeb, ocre = (round(v, 2) for v in flows[account])
        bedeb, becre = 0.0, 0.0
        if account == "1641":
            becre = round(encours_start, 2)
        balance = bedeb + deb - becre - cre
        sd, sc = (round(balance, 2), 0.0) if balance > 0 else (0.0, round(-balance, 2))
        if account[0] in "67":  # charges and products are closed at year end
            sd, sc = (round(deb - cre, 2), 0.0) if deb >= cre else (0.0, round(cre - deb, 2))
        rows.append(";".join([
            str(year), who["siret"], who["ndept"], who["lbudg"], who["insee3"], "1", "101", "00",
            nomen, who["siren"], who["cregi"], "01", "", "", "", "Commune", "DEF", account,
            money(bedeb), money(becre), money(deb), money(cre), "0.00", "0.00",
            money(odeb), money(ocre), money(sd), money(sc)]))
    return rows


def main():
    rng = random.Random(20261201)
    communes, departements = read_directory()
    by_insee = {c["insee"]: c for c in communes}
    crach, cazeres = by_insee["56046"], by_insee["31135"]
    assert crach["siren"] == "215600461" and cazeres["siren"] == "213101355"
    OUT.mkdir(parents=True, exist_ok=True)
    written = []

    # (a) Crach, 50 agrégats, 2017-2023.
    fields = ["exer", "outre_mer", "reg_code", "reg_name", "dep_code", "dep_name", "epci_code",
              "epci_name", "tranche_population", "com_code", "com_name", "categ", "siren",
              "insee", "lbudg", "agregat", "montant_bp", "montant_ba", "montant_flux", "montant",
              "ptot", "euros_par_habitant", "presence_budget", "ptot_n"]
    lines = [";".join(fields)]
    state = {"encours": 2_600_000.0, "fdr": 1_450_000.0}
    crach_years = {}
    for year in YEARS:
        ptot = round(crach["population"] * (1 - 0.004 * (2023 - year)))
        a = crach_agregats(ptot, year, state, rng)
        crach_years[year] = (a, state["encours"] - a["Flux net de dette"])
        for name in AGREGATS_50:
            if name == "Crédits de trésorerie":
                continue  # a poste the commune lacks has no row, as in the real base
            m = a[name]
            # A small annex budget (port) carries part of the operating flows.
            ba = round(m * 0.04, 2) if name in ("Ventes de biens et services", "Achats et charges externes") else 0.0
            lines.append(";".join([
                str(year), "Non", "53", "Bretagne", "56", departements["56"], crach["epci"],
                "CC Auray Quiberon Terre Atlantique", str(tranche(crach["population"])), "56046",
                "Crach", "Commune", crach["siren"], "56046", "CRACH", name, money(m - ba),
                money(ba), "0.00", money(m), str(ptot), repr(m / ptot), "1", str(crach["population"])]))
    write(written, "ofgl-crach.csv", "\n".join(lines) + "\n", bom=True)

    # (b) ~40 communes per Briques strate, 8 agrégats, one row per commune and year.
    chosen = []
    for s in range(len(STRATES)):
        pool = sorted((c for c in communes if strate(c["population"]) == s
                       and c["insee"] not in ("56046", "31135")), key=lambda c: c["insee"])
        step = max(1, len(pool) // PER_STRATE)
        chosen += pool[::step][:PER_STRATE]
    lines = [";".join(["exer", "insee", "com_name", "siren", "dep_code", "tranche_population", "ptot"] + AGREGATS_8)]
    for c in chosen:
        s = strate(c["population"])
        # Larger communes spend more per inhabitant; each commune keeps its own level.
        rrf_ph = (650 + 85 * s) * rng.lognormvariate(0, 0.18)
        ratio = rng.uniform(0.78, 0.93)
        debt_ph = rrf_ph * rng.uniform(0.2, 1.3)
        equip_ph = rrf_ph * rng.uniform(0.12, 0.45)
        for year in YEARS:
            ptot = max(1, round(c["population"] * (1 - 0.003 * (2023 - year))))
            g = 1.02 ** (year - 2017) * rng.uniform(0.97, 1.03)
            rrf = ptot * rrf_ph * g
            drf = rrf * ratio * rng.uniform(0.98, 1.02)
            interest = debt_ph * ptot * 0.02
            brute = rrf - drf
            remb = debt_ph * ptot / 15
            equip = ptot * equip_ph * rng.uniform(0.6, 1.4)
            values = [rrf, drf, brute + interest, brute, remb, brute - remb, equip, debt_ph * ptot * g]
            lines.append(";".join([str(year), c["insee"], c["name"], c["siren"], c["dep"],
                                   str(tranche(c["population"])), str(ptot)] + [money(v) for v in values]))
    write(written, "ofgl-strates.csv", "\n".join(lines) + "\n", bom=True)

    # (c) DGFiP balances, main budgets, 2019-2023.
    lines = [DGFIP_HEADER]
    who_crach = {"siret": siret(crach["siren"]), "ndept": "056", "lbudg": "CRACH", "insee3": "046",
                 "siren": crach["siren"], "cregi": "053"}
    who_caz = {"siret": siret(cazeres["siren"]), "ndept": "031", "lbudg": "CAZERES-SUR-GARONNE",
               "insee3": "135", "siren": cazeres["siren"], "cregi": "076"}
    for year in DGFIP_YEARS:
        a, encours_start = crach_years[year]
        # The balance is the main budget only: the annex's share is left out.
        parts = dict(a)
        parts["Ventes de biens et services"] = round(a["Ventes de biens et services"] * 0.96, 2)
        parts["Achats et charges externes"] = round(a["Achats et charges externes"] * 0.96, 2)
        lines += balance_rows(who_crach, year, parts, encours_start - 4200.0)
    for year in DGFIP_YEARS:
        base = CAZERES[max(year, 2022)]
        scale = 0.97 ** (2022 - year) if year < 2022 else 1.0
        parts = {k: round(v * scale, 2) for k, v in base.items()}
        encours_end = parts["Encours de dette"]
        encours_start = encours_end - parts["Emprunts hors GAD"] + parts["Remboursements d'emprunts hors GAD"]
        lines += balance_rows(who_caz, year, parts, encours_start)
    write(written, "dgfip-balances.csv", "\n".join(lines) + "\n", bom=True)

    # (d) data.gouv.fr catalogue and files.
    files = write_datagouv_files(written, rng)
    datasets = datagouv_datasets(files)
    write(written, "datagouv-datasets.json", json.dumps(datasets, ensure_ascii=False, indent=1) + "\n")
    for name, size in written:
        print(f"{size:>8}  tests/standin/{name}")
    print(f"{sum(s for _, s in written):>8}  total")


def write(written, name, text, bom=False):
    path = OUT / name
    path.parent.mkdir(parents=True, exist_ok=True)
    data = (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8")
    path.write_bytes(data)
    written.append((name, len(data)))
    return len(data)


def write_datagouv_files(written, rng):
    sizes = {}
    subventions = ["beneficiaire;objet;montant;annee"]
    for i, (who, what) in enumerate([
        ("Association Crach Animation", "Fête de la mer"), ("Comité des fêtes de Crach", "Animations estivales"),
        ("Club nautique de Crach", "École de voile"), ("Amicale laïque", "Activités périscolaires"),
        ("Les Amis du patrimoine", "Restauration de la chapelle"), ("Crach Football Club", "Fonctionnement"),
        ("Bibliothèque pour tous", "Achat de livres"), ("Société de chasse", "Fonctionnement"),
    ]):
        subventions.append(f"{who};{what};{rng.randrange(300, 9000)}.00;2023")
    sizes["crach-subventions-associations-2023.csv"] = write(
        written, "files/crach-subventions-associations-2023.csv", "\n".join(subventions) + "\n", bom=True)
    budget = ["section;sens;chapitre;libelle;montant"]
    for row in [("Fonctionnement", "Dépense", "011", "Charges à caractère général", 1150000),
                ("Fonctionnement", "Dépense", "012", "Charges de personnel", 1420000),
                ("Fonctionnement", "Dépense", "65", "Autres charges de gestion courante", 240000),
                ("Fonctionnement", "Recette", "73", "Impôts et taxes", 2250000),
                ("Fonctionnement", "Recette", "74", "Dotations et participations", 640000),
                ("Investissement", "Dépense", "21", "Immobilisations corporelles", 980000),
                ("Investissement", "Recette", "10", "Dotations, fonds divers", 210000)]:
        budget.append(";".join(map(str, row[:4])) + f";{row[4]}.00")
    sizes["crach-budget-primitif-2024.csv"] = write(
        written, "files/crach-budget-primitif-2024.csv", "\n".join(budget) + "\n")
    sport = ["equipement;type;adresse;latitude;longitude",
             "Gymnase municipal;Salle multisports;Avenue de la Gare;43.2241;1.0862",
             "Stade Jean Moulin;Terrain de football;Chemin du Stade;43.2189;1.0921",
             "Piscine intercommunale;Bassin;Rue des Pyrénées;43.2213;1.0837",
             "Courts de tennis;Court de tennis;Promenade de la Garonne;43.2202;1.0899"]
    sizes["cazeres-equipements-sportifs.csv"] = write(
        written, "files/cazeres-equipements-sportifs.csv", "\n".join(sport) + "\n")
    morbihan = ["insee;commune;exercice;depenses_fonctionnement;recettes_fonctionnement"]
    for insee, name in [("56003", "Arradon"), ("56046", "Crach"), ("56078", "Lorient"),
                        ("56121", "Ploërmel"), ("56260", "Vannes")]:
        for year in (2022, 2023):
            d = rng.randrange(1_000_000, 90_000_000)
            morbihan.append(f"{insee};{name};{year};{d}.00;{round(d * rng.uniform(1.05, 1.2))}.00")
    sizes["morbihan-comptes-communes-extrait.csv"] = write(
        written, "files/morbihan-comptes-communes-extrait.csv", "\n".join(morbihan) + "\n", bom=True)
    pops = ["code_insee;nom;population_totale", "31135;Cazères;4854", "56046;Crach;3423",
            "75056;Paris;2133111", "13055;Marseille;873076"]
    sizes["populations-legales-extrait.csv"] = write(
        written, "files/populations-legales-extrait.csv", "\n".join(pops) + "\n")
    pdf = ("%PDF-1.4\n% Briques stand-in: not a real document\n1 0 obj << /Type /Catalog >> endobj\n"
           "trailer << /Root 1 0 R >>\n%%EOF\n")
    sizes["crach-rapport-orientation-budgetaire-2024.pdf"] = write(
        written, "files/crach-rapport-orientation-budgetaire-2024.pdf", pdf)
    deliberations = [{"date": "2024-03-28", "objet": "Vote du budget primitif 2024", "vote": "unanimité"},
                     {"date": "2024-06-27", "objet": "Tarifs de la cantine", "vote": "majorité"}]
    sizes["cazeres-deliberations-2024.json"] = write(
        written, "files/cazeres-deliberations-2024.json", json.dumps(deliberations, ensure_ascii=False) + "\n")
    return sizes


def datagouv_datasets(sizes):
    """Dataset objects in the v1 shape (samples/datagouv-v2-search-dataset-object.json
    for the fields, resources inline as v1 does). `{standin}` is replaced by the
    stand-in's address when served."""
    def org(name, slug, ident):
        return {"id": ident, "name": name, "acronym": None, "slug": slug,
                "page": "{standin}/datagouv/fr/organizations/" + slug + "/",
                "uri": "{standin}/datagouv/api/1/organizations/" + slug + "/",
                "logo": None, "logo_thumbnail": None, "badges": [], "class": "Organization"}

    def res(ident, title, name, fmt, mime, size=None, url=None):
        return {"id": ident, "title": title, "description": None, "filetype": "file", "type": "main",
                "format": fmt, "url": url or "{standin}/files/" + name, "latest": url or "{standin}/files/" + name,
                "checksum": None, "filesize": size if size is not None else sizes[name], "mime": mime,
                "created_at": "2024-04-02T09:12:44.120000+00:00", "last_modified": "2024-04-02T09:12:44.120000+00:00",
                "extras": {}, "preview_url": None, "schema": {}}

    crach = org("Commune de Crach", "commune-de-crach", "5c3a1e2b8b4c4126a1f1d001")
    cazeres = org("Commune de Cazères", "commune-de-cazeres", "5c3a1e2b8b4c4126a1f1d002")
    morbihan = org("Département du Morbihan", "departement-du-morbihan", "5c3a1e2b8b4c4126a1f1d003")
    ofgl = org("Observatoire des Finances et de la Gestion publique Locales (OFGL)",
               "observatoire-des-finances-et-de-la-gestion-publique-locales-ofgl", "5c3a1e2b8b4c4126a1f1d004")
    dgfip = org("Direction Générale des Finances Publiques (DGFiP)",
                "direction-generale-des-finances-publiques-dgfip", "5c3a1e2b8b4c4126a1f1d005")
    insee = org("Institut National de la Statistique et des Etudes Economiques (Insee)",
                "institut-national-de-la-statistique-et-des-etudes-economiques-insee", "5c3a1e2b8b4c4126a1f1d006")
    raw = [
        ("65f1a0c2d0e1a2b3c4d50001", "Subventions aux associations de Crach",
         "Montants des subventions versées aux associations par la commune de Crach en 2023.",
         crach, ["fr:commune:56046"], "fr:commune", ["subventions", "associations", "budget"],
         [res("b1000001-0000-4000-8000-000000000001", "Subventions 2023", "crach-subventions-associations-2023.csv",
              "csv", "text/csv")]),
        ("65f1a0c2d0e1a2b3c4d50002", "Budget primitif 2024 de la commune de Crach",
         "Budget primitif voté par le conseil municipal de Crach (Morbihan), par chapitre, et le rapport "
         "d'orientation budgétaire.", crach, ["fr:commune:56046"], "fr:commune", ["budget", "finances-locales"],
         [res("b1000002-0000-4000-8000-000000000001", "Budget primitif 2024 par chapitre",
              "crach-budget-primitif-2024.csv", "csv", "text/csv"),
          res("b1000002-0000-4000-8000-000000000002", "Rapport d'orientation budgétaire 2024",
              "crach-rapport-orientation-budgetaire-2024.pdf", "pdf", "application/pdf")]),
        ("65f1a0c2d0e1a2b3c4d50003", "Équipements sportifs de Cazères",
         "Liste des équipements sportifs municipaux de Cazères (Haute-Garonne) avec leur position.",
         cazeres, ["fr:commune:31135"], "fr:commune", ["sport", "equipements"],
         [res("b1000003-0000-4000-8000-000000000001", "Équipements sportifs", "cazeres-equipements-sportifs.csv",
              "csv", "text/csv", url="{standin}/files-nocors/cazeres-equipements-sportifs.csv")]),
        ("65f1a0c2d0e1a2b3c4d50004", "Délibérations du conseil municipal de Cazères",
         "Objets et votes des délibérations du conseil municipal de Cazères en 2024.",
         cazeres, ["fr:commune:31135"], "fr:commune", ["deliberations", "conseil-municipal"],
         [res("b1000004-0000-4000-8000-000000000001", "Délibérations 2024", "cazeres-deliberations-2024.json",
              "json", "application/json")]),
        ("65f1a0c2d0e1a2b3c4d50005", "Comptes des communes du Morbihan",
         "Dépenses et recettes de fonctionnement des principales communes du Morbihan, extrait annuel.",
         morbihan, ["fr:departement:56"], "fr:commune", ["budget", "communes", "morbihan"],
         [res("b1000005-0000-4000-8000-000000000001", "Extrait 2022-2023", "morbihan-comptes-communes-extrait.csv",
              "csv", "text/csv")]),
        ("65f1a0c2d0e1a2b3c4d50006", "Comptes consolidés des communes 2016-2023",
         "Agrégats comptables des communes, budgets principaux et annexes consolidés, publiés par l'OFGL.",
         ofgl, ["country:fr"], "fr:commune", ["budget", "comptes", "finances-locales"],
         [res("b1000006-0000-4000-8000-000000000001", "Base communes consolidée (CSV complet)",
              "ofgl-base-communes-consolidee.csv", "csv", "text/csv", size=1_843_276_544,
              url="{standin}/files/ofgl-base-communes-consolidee.csv")]),
        ("65f1a0c2d0e1a2b3c4d50007", "Balances comptables des communes en 2023",
         "Balances comptables des budgets principaux et annexes des communes, exercice 2023 (DGFiP).",
         dgfip, ["country:fr"], "fr:commune", ["balances", "comptabilite-publique", "budget"],
         [res("b1000007-0000-4000-8000-000000000001", "Balance des communes 2023 (ZIP)",
              "balances-communes-2023.zip", "zip", "application/zip", size=412_893_112,
              url="{standin}/files/balances-communes-2023.zip")]),
        ("65f1a0c2d0e1a2b3c4d50008", "Populations légales des communes",
         "Populations municipales et totales des communes de France, extrait (Insee).",
         insee, ["country:fr"], "fr:commune", ["population", "recensement"],
         [res("b1000008-0000-4000-8000-000000000001", "Populations légales (extrait)",
              "populations-legales-extrait.csv", "csv", "text/csv")]),
        ("65f1a0c2d0e1a2b3c4d50009", "Plages du littoral morbihannais",
         "Plages surveillées de la côte du Morbihan, dont Crach, Carnac et Quiberon.",
         morbihan, [], "other", ["plages", "littoral"], []),
    ]
    out = []
    for i, (ident, title, desc, organization, zones, gran, tags, resources) in enumerate(raw):
        slug = slugify(title)
        modified = f"2024-{1 + i:02d}-15T10:00:00.000000+00:00"
        out.append({
            "id": ident, "title": title, "acronym": None, "slug": slug, "description": desc,
            "created_at": f"2023-{1 + i:02d}-02T08:30:00.000000+00:00", "last_modified": modified,
            "last_update": modified, "deleted": None, "archived": None, "private": False,
            "featured": False, "tags": tags, "badges": [], "frequency": "annual", "extras": {},
            "metrics": {"discussions": 0, "reuses": i % 3, "followers": i, "views": 100 * (i + 1)},
            "organization": organization, "owner": None,
            "temporal_coverage": {"start": "2023-01-01", "end": "2023-12-31"},
            "spatial": {"geom": None, "zones": zones, "granularity": gran},
            "license": "lov2", "uri": "{standin}/datagouv/api/1/datasets/" + slug + "/",
            "page": "{standin}/datagouv/fr/datasets/" + slug + "/", "resources": resources,
        })
    return out


def slugify(text):
    import unicodedata
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return "-".join("".join(c if c.isalnum() else " " for c in text).split())


if __name__ == "__main__":
    main()
