#!/usr/bin/env python3
"""Writes the budget fixtures of core/fixtures/budget/ for the fictional commune of
Briqueville: one compte administratif 2023 (M14) written in every format Briques reads,
from the single list of lines below, so that tests can check that every importer gives
the same totals. Hand-checked totals (real operations, 001/002 and 45xx excluded):
fonctionnement D 284,000.50 / R 428,500.25; investissement D 78,000.00 / R 41,000.00.

Usage: python3 scripts/make-budget-fixtures.py
"""
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "core" / "fixtures" / "budget"
SIRET = "21999999900017"
NAME = "BRIQUEVILLE"

# (nature, chapitre, fonction, D/R, ordre?, amount, nature label, chapitre label)
LINES = [
    ("60611", "011", "020", "D", 0, "12000.50", "Eau et assainissement", "Charges à caractère général"),
    ("64111", "012", "020", "D", 0, "250000.00", "Rémunération principale", "Charges de personnel"),
    ("6574", "65", "025", "D", 0, "18000.00", "Subventions aux associations", "Autres charges de gestion courante"),
    ("66111", "66", "01", "D", 0, "4000.00", "Intérêts réglés à l'échéance", "Charges financières"),
    ("6811", "042", "01", "D", 1, "30000.00", "Dotations aux amortissements", "Opérations d'ordre"),
    ("023", "023", "01", "D", 1, "50000.00", "Virement à la section d'investissement", "Virement"),
    ("7311", "73", "01", "R", 0, "300000.00", "Contributions directes", "Impôts et taxes"),
    ("7411", "74", "01", "R", 0, "120000.00", "Dotation forfaitaire", "Dotations et participations"),
    ("70632", "70", "411", "R", 0, "8500.25", "Redevances à caractère sportif", "Produits des services"),
    ("722", "042", "01", "R", 1, "5000.00", "Travaux en régie", "Opérations d'ordre"),
    ("2183", "21", "020", "D", 0, "15000.00", "Matériel de bureau", "Immobilisations corporelles"),
    ("2313", "23", "212", "D", 0, "40000.00", "Constructions", "Immobilisations en cours"),
    ("1641", "16", "01", "D", 0, "20000.00", "Emprunts en euros", "Emprunts et dettes"),
    ("2041582", "204", "822", "D", 0, "3000.00", "Subvention d'équipement", "Subventions d'équipement versées"),
    ("10222", "10", "01", "R", 0, "6000.00", "FCTVA", "Dotations, fonds divers"),
    ("1641", "16", "01", "R", 0, "25000.00", "Emprunts en euros", "Emprunts et dettes"),
    ("1068", "10", "01", "R", 0, "10000.00", "Excédents de fonctionnement capitalisés", "Dotations, fonds divers"),
    ("001", "001", "", "D", 0, "7000.00", "Solde d'exécution reporté", "Solde d'exécution reporté"),
    ("002", "002", "", "R", 0, "12000.00", "Résultat reporté", "Résultat reporté"),
    ("4541", "4541", "", "D", 0, "900.00", "Travaux pour compte de tiers", "Opérations pour compte de tiers"),
    ("4542", "4542", "", "R", 0, "900.00", "Travaux pour compte de tiers", "Opérations pour compte de tiers"),
]


def xml_lines(extra=()):
    out = []
    for nature, chapitre, fonction, rd, ordre, amount, *_ in list(LINES) + list(extra):
        fonction_xml = f'\n      <Fonction V="{fonction}"/>' if fonction else ""
        out.append(f"""    <LigneBudget>
      <Nature V="{nature}"/>{fonction_xml}
      <ContNat V="{chapitre}"/>
      <CodRD V="{rd}"/>
      <MtPrev V="0.00"/>
      <MtReal V="{amount}"/>
      <OpBudg V="{ordre}"/>
    </LigneBudget>""")
    return "\n".join(out)


def document(nat_dec, lines, wrapper=None):
    body = f"""<DocumentBudgetaire xmlns="http://www.minefi.gouv.fr/cp/demat/docbudgetaire">
  <EnTeteDocBudgetaire>
    <LibelleColl V="{NAME}"/>
    <IdColl V="{SIRET}"/>
    <Departement V="099"/>
  </EnTeteDocBudgetaire>
  <Budget>
    <EnTeteBudget>
      <LibelleEtab V="BUDGET PRINCIPAL {NAME}"/>
      <IdEtab V="{SIRET}"/>
      <Nomenclature V="M14-M14_COM_500_3500"/>
    </EnTeteBudget>
    <BlocBudget>
      <NatDec V="{nat_dec}"/>
      <Exer V="2023"/>
      <CodTypBud V="P"/>
    </BlocBudget>
{lines}
  </Budget>
</DocumentBudgetaire>"""
    if wrapper:
        body = f'<{wrapper} xmlns="http://www.minefi.gouv.fr/cp/demat/docbudgetaire">\n{body}\n</{wrapper}>'
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"


def scdl():
    header = ("BGT_NATDEC;BGT_ANNEE;BGT_SIRET;BGT_NOM;BGT_CONTNAT;BGT_CONTNAT_LABEL;BGT_NATURE;BGT_NATURE_LABEL;"
              "BGT_FONCTION;BGT_FONCTION_LABEL;BGT_OPERATION;BGT_SECTION;BGT_OPBUDG;BGT_CODRD;BGT_MTREAL;"
              "BGT_MTBUDGPREC;BGT_MTRARPREC;BGT_MTPROPNOUV;BGT_MTPREV;BGT_CREDOUV;BGT_MTRAR3112;BGT_ARTSPE")
    rows = [header]
    for nature, chapitre, fonction, rd, ordre, amount, nature_label, chapitre_label in LINES:
        section = "fonctionnement" if nature[0] in "67" or nature == "002" else "investissement"
        rows.append(";".join([
            "compte administratif", "2023", SIRET, NAME, chapitre, chapitre_label, nature, nature_label,
            fonction, "", "", section, "ordre" if ordre else "réel", "dépense" if rd == "D" else "recette",
            amount.replace(".", ","), "", "", "", "", "", "", "false",
        ]))
    return "\ufeff" + "\r\n".join(rows) + "\r\n"


def dgfip_rows():
    """One balance row per account: (compte, fonction, obnetdeb, obnetcre, oobdeb, oobcre, sd, sc)."""
    acc = {}
    for nature, _c, fonction, rd, ordre, amount, *_ in LINES:
        if nature in ("001", "002"):
            continue
        row = acc.setdefault(nature, [0.0] * 6)
        v = float(amount)
        if rd == "D":
            row[0] += v
            if ordre:
                row[2] += v
        else:
            row[1] += v
            if ordre:
                row[3] += v
    # Debt: 180,000 owed at year end on account 1641 (credit balance).
    acc["1641"][5] = 180000.0
    return acc


def dgfip(upper, decimal, with_fonction, bom, annex):
    cols = ["EXER", "IDENT", "NDEPT", "LBUDG", "INSEE", "CBUDG", "CTYPE", "CSTYP", "NOMEN", "SIREN", "CREGI",
            "CACTI", "SECTEUR", "FINESS", "CODBUD1", "CATEG", "BAL", "FONCTION", "COMPTE", "BEDEB", "BECRE",
            "OBNETDEB", "OBNETCRE", "ONBDEB", "ONBCRE", "OOBDEB", "OOBCRE", "SD", "SC"]
    if not with_fonction:
        cols.remove("FONCTION")
    header = ";".join(c if upper else c.lower() for c in cols)
    def num(v):
        s = f"{v:.2f}"
        return s.replace(".", ",") if decimal == "," else s
    lines = [header]
    def emit(ident, cbudg, name, accounts):
        for compte, (deb, cre, odeb, ocre, sd, sc) in sorted(accounts.items()):
            values = {"EXER": "2023", "IDENT": ident, "NDEPT": "099", "LBUDG": name, "INSEE": "042",
                      "CBUDG": cbudg, "CTYPE": "201", "CSTYP": "00", "NOMEN": "M14", "SIREN": SIRET[:9],
                      "CREGI": "099", "CACTI": "01", "SECTEUR": "", "FINESS": "", "CODBUD1": "", "CATEG": "Commune",
                      "BAL": "DEF", "FONCTION": "", "COMPTE": compte, "BEDEB": num(0), "BECRE": num(0),
                      "OBNETDEB": num(deb), "OBNETCRE": num(cre), "ONBDEB": num(0), "ONBCRE": num(0),
                      "OOBDEB": num(odeb), "OOBCRE": num(ocre), "SD": num(sd), "SC": num(sc)}
            lines.append(";".join(values[c] for c in cols))
    emit(SIRET, "1", "BRIQUEVILLE", dgfip_rows())
    if annex:
        emit("21999999900025", "3", "BRIQUEVILLE - EAU", {"70111": [0.0, 55000.0, 0.0, 0.0, 0.0, 0.0],
                                                            "6061": [21000.0, 0.0, 0.0, 0.0, 0.0, 0.0]})
    text = "\r\n".join(lines) + "\r\n"
    return ("\ufeff" if bom else "") + text


def ofgl_fields():
    header = ("exer;outre_mer;reg_code;reg_name;dep_code;dep_name;epci_code;epci_name;tranche_population;rural;"
              "montagne;touristique;tranche_revenu_imposable_par_habitant;qpv;com_code;com_name;categ;siren;insee;"
              "ident;lbudg;type_de_budget;nomen;agregat;montant;montant_en_millions;ptot;euros_par_habitant")
    aggregates = {"Recettes de fonctionnement": 428500.25, "Dépenses de fonctionnement": 284000.50,
                  "Epargne brute": 144499.75, "Remboursements d'emprunts hors GAD": 20000.0,
                  "Epargne nette": 124499.75, "Epargne de gestion": 148499.75, "Dépenses d'investissement": 78000.0,
                  "Recettes d'investissement": 41000.0, "Dépenses d'équipement": 55000.0, "Encours de dette": 180000.0}
    rows = [header]
    for agregat, value in aggregates.items():
        rows.append(";".join(["2023", "Non", "99", "Région fictive", "099", "Département fictif", "200000000",
                              "CC du Pays des Briques", "4", "Oui", "Non", "Non", "2", "Non", "99042",
                              "Briqueville", "Commune", SIRET[:9], "99042", SIRET, NAME, "1", "M14", agregat,
                              repr(value), repr(value / 1e6), "3012", repr(value / 3012)]))
    return "\ufeff" + "\r\n".join(rows) + "\r\n"


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "briqueville-ca-2023.xml").write_text(document("09", xml_lines()), encoding="utf-8")
    enrichment = [("012", "012", "", "D", 0, "250000.00", "Total chapitre 012", "Charges de personnel")]
    (OUT / "briqueville-cfu-2023.xml").write_text(document("09", xml_lines(enrichment), "CompteFinancierUnique"), encoding="utf-8")
    (OUT / "briqueville-ca-2023-scdl.csv").write_text(scdl(), encoding="utf-8")
    (OUT / "briqueville-2023-dgfip-api.csv").write_text(dgfip(False, ".", True, True, True), encoding="utf-8")
    (OUT / "briqueville-2023-dgfip-brut.csv").write_bytes(
        dgfip(True, ",", False, False, False).replace("Briqueville", "Briqueville").encode("latin-1"))
    (OUT / "briqueville-2023-ofgl.csv").write_text(ofgl_fields(), encoding="utf-8")
    print("fixtures written to", OUT)
