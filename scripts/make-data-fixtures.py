#!/usr/bin/env python3
"""Writes core/fixtures/data/: one small CSV per encoding / separator / number / date case
and per bad-input case, and the fictional Briqueville library-loans dataset shipped for
the "Lire et construire un graphique" workshop. Standard library only; deterministic."""

import os
import random

OUT = os.path.join(os.path.dirname(__file__), "..", "core", "fixtures", "data")


def write(name, text, encoding="utf-8", bom=False):
    data = text.encode(encoding)
    if bom:
        data = b"\xef\xbb\xbf" + data
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)


def main():
    os.makedirs(OUT, exist_ok=True)
    # Encodings and separators: the same small table each time.
    rows = [
        ("Commune", "Population", "Part des moins de 25 ans", "Date du recensement"),
        ("Briqueville", "1 234", "28,5 %", "01/01/2021"),
        ("Saint-Étienne-du-Lac", "987", "31,2 %", "01/01/2021"),
        ("Mœurs-Vérité", "12 456", "24 %", "01/01/2022"),
    ]
    table = lambda sep: "".join(sep.join(r) + "\r\n" for r in rows)
    write("utf8-bom-semicolon.csv", table(";"), bom=True)
    write("utf8-semicolon.csv", table(";"))
    write("windows1252-semicolon.csv", table(";").replace("Mœurs", "Mœurs"), encoding="cp1252")
    write("latin1-tab.tsv", table("\t").replace("Mœurs", "Moeurs"), encoding="latin-1")
    write("utf8-pipe.csv", table("|"))
    write(
        "utf8-comma-point.csv",
        "station,mesure,valeur,horodatage\n"
        "Centre,NO2,\"1,234.5\",2024-03-01T08:00:00\n"
        "Centre,PM10,12.25,2024-03-01T09:30:00\n"
        "Gare,NO2,-3.5,2024-03-01 10:00\n"
        "Gare,PM10,1e2,2024-03-02T00:00:00Z\n",
    )
    write(
        "thousands.csv",
        "libellé;montant\n"
        "espace;1 234 567,89\n"
        "insécable;1\u00a0234,5\n"
        "fine insécable;2\u202f000\n"
        "point;1.234.567\n"
        "négatif;−12,5\n",
    )
    write(
        "dates.csv",
        "jour;iso;horaire\n"
        "01/03/2024;2024-03-01;01/03/2024 08:30\n"
        "29/02/2024;2024-02-29;2024-02-29T23:59:59\n"
        "31/12/1999;1999-12-31;31/12/1999 00:00\n",
    )
    write(
        "missing-markers.csv",
        "code;nom;valeur\n"
        "01;Ain;NA\n"
        "02;Aisne;12,5\n"
        "2A;Corse-du-Sud;-\n"
        "2B;;n.d.\n"
        "03;Allier;\n",
    )
    write(
        "quoted-newlines.csv",
        'titre;résumé;prêts\r\n'
        '"Le ""grand"" livre";"Une histoire\r\nsur deux lignes";12\r\n'
        '"Atlas; édition 2024";"court";3\r\n',
    )
    write(
        "ragged.csv",
        "a;b;c\n1;2;3\n4;5\n6;7;8;9\n10;11;12\n",
    )
    # Bad inputs.
    write("empty.csv", "")
    write("blank-lines.csv", "\r\n\r\n  \r\n")
    write("no-header.csv", "12;3,5;01/02/2024\n13;4,5;02/02/2024\n")
    write("header-only.csv", "commune;population\n")
    write("unclosed-quote.csv", 'a;b\n1;"pas fermé\n2;3\n')
    with open(os.path.join(OUT, "classeur.xlsx"), "wb") as f:
        f.write(b"PK\x03\x04\x14\x00\x06\x00" + bytes(range(64)))
    with open(os.path.join(OUT, "image.png"), "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(32))
    write_library_loans()


def write_library_loans():
    """Monthly loans of Briqueville's three (fictional) libraries, 2023-2024."""
    rng = random.Random(7)
    libraries = [("Médiathèque centrale", 1.0), ("Bibliothèque des Tilleuls", 0.45), ("Bibliobus", 0.2)]
    categories = [
        ("Romans", 420, "Adultes"),
        ("Bandes dessinées", 310, "Tous publics"),
        ("Albums jeunesse", 260, "Jeunesse"),
        ("Documentaires", 150, "Adultes"),
        ("DVD", 120, "Tous publics"),
        ("Livres audio", 35, "Adultes"),
    ]
    season = [0.9, 0.95, 1.0, 1.0, 0.95, 0.9, 1.25, 1.15, 0.85, 1.0, 1.0, 1.1]
    lines = ["Mois;Bibliothèque;Catégorie;Public;Prêts;Durée moyenne (jours);Taux de retour à temps;Note"]
    for year in (2023, 2024):
        for month in range(1, 13):
            for library, scale in libraries:
                for category, base, public in categories:
                    if library == "Bibliobus" and category == "DVD":
                        continue
                    loans = round(base * scale * season[month - 1] * rng.uniform(0.85, 1.15) * (1.04 if year == 2024 else 1))
                    duration = rng.uniform(14, 24)
                    on_time = rng.uniform(78, 96)
                    note = ""
                    if library == "Bibliobus" and month == 8:
                        note = "tournée réduite en août"
                    if year == 2024 and month == 3 and library == "Bibliothèque des Tilleuls":
                        note = "fermeture travaux 2 semaines"
                        loans = loans // 2
                    lines.append(
                        f"01/{month:02d}/{year};{library};{category};{public};{loans};"
                        f"{duration:.1f}".replace(".", ",") + f";{on_time:.1f} %".replace(".", ",") + f";{note}"
                    )
    # One month where the Tilleuls export is missing a value, as real files do.
    parts = lines[10].split(";")
    parts[5] = "NA"
    lines[10] = ";".join(parts)
    write("bibliotheque-prets-briqueville.csv", "\r\n".join(lines) + "\r\n", bom=True)


if __name__ == "__main__":
    main()
