#!/usr/bin/env python3
"""Writes www/nomenclature/comptes.tsv: the official label of every account of classes
1, 2, 6 and 7 in the official M14 and M57 plans de comptes (TOTEM XML published per
nomenclature and year), so that each account a citizen sees has its own name.

The app fetches the table (the service worker precaches it like /packs/ and /demo/);
the command line has it compiled in (core/src/budget/nomenclature.rs). Each label is
stored once with the plans that give it (a bit mask over the "plan" lines), which keeps
the file small when most plans agree. Tab-separated text, read by a few lines of Rust:
a first line naming the format, one line per plan (`plan`, norme, declinaison, year),
then one per account and label (code, mask, label), sorted by code.

The plans are read from a folder of official files (default: ../shared/data/real next
to the repository; see its SOURCES.md). They are never copied into the repository:
only this table, derived from them, is. Licence of the labels: Licence Ouverte 2.0
(official nomenclatures of public accounting, DGFiP).

Usage: python3 scripts/make-nomenclature.py [FOLDER]
"""
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "www" / "nomenclature" / "comptes.tsv"

# The plans, in the order of the bit mask (bit 0 = first plan).
PLANS = [
    "plan-de-compte-M14-M14_COM_SUP3500-2018.xml",
    "planDeCompte-M14_COM_500_3500-2022.xml",
    "plan-de-compte-M57-M57-2018.xml",
    "planDeCompte-M57_A-2023.xml",
]


def read_plan(path):
    """(norme, declinaison, exercice, {code: label}) of one plan's nature accounts."""
    root = ET.parse(path).getroot()
    accounts = {}
    for compte in root.iter("Compte"):
        code = compte.get("Code", "")
        label = " ".join(compte.get("Libelle", "").split())
        if code[:1] in "1267" and code.isdigit() and label:
            accounts[code] = label
    return root.get("Norme"), root.get("Declinaison"), int(root.get("Exer")), accounts


def main():
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "data" / "real"
    plans = []
    labels = {}
    for bit, name in enumerate(PLANS):
        norme, declinaison, exercice, accounts = read_plan(folder / name)
        plans.append({"norme": norme, "declinaison": declinaison, "exercice": exercice})
        for code, label in accounts.items():
            masks = labels.setdefault(code, {})
            masks[label] = masks.get(label, 0) | (1 << bit)
    lines = [
        "# briques-plans-de-comptes 1 · plans de comptes officiels M14 et M57 (DGFiP), "
        "Licence Ouverte 2.0 · écrit par scripts/make-nomenclature.py"
    ]
    lines += [f"plan\t{p['norme']}\t{p['declinaison']}\t{p['exercice']}" for p in plans]
    for code, masks in sorted(labels.items()):
        for label, mask in sorted(masks.items(), key=lambda m: -m[1]):
            assert "\t" not in label and "\n" not in label
            lines.append(f"{code}\t{mask}\t{label}")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)} : {len(labels)} comptes, {len(plans)} plans")


if __name__ == "__main__":
    main()
