#!/usr/bin/env python3
"""Benchmark (ISSUE 5): `briques budget prepare` against DuckDB on the same national
DGFiP file, in the same run. Each runs as a child process; wall time and peak RSS are
measured the same way for both. DuckDB computes the same per-commune aggregation (main
budgets, real and ordre flows and balances summed per commune x account) and writes it
to a CSV file; Briques also writes one JSON budget per commune, the index and the strate
statistics. Prints one JSON object. Not a test: it asserts nothing about time.

Usage: budget.py <briques binary> <balances.csv> <populations.csv> <work dir> <python with duckdb>
"""
import json
import os
import resource
import shutil
import subprocess
import sys
import time

DUCKDB_QUERY = """
import duckdb, sys
con = duckdb.connect()
con.execute("SET threads = 2")
con.execute(f'''
COPY (
  SELECT IDENT, EXER, COMPTE,
         sum(OBNETDEB - OOBDEB) AS RD, sum(OBNETCRE - OOBCRE) AS RR,
         sum(OOBDEB) AS OD, sum(OOBCRE) AS "OR", sum(SD) AS SD, sum(SC) AS SC,
         first(NDEPT) AS NDEPT, first(INSEE) AS INSEE, first(NOMEN) AS NOMEN, first(SIREN) AS SIREN
  FROM read_csv('{sys.argv[1]}', delim=';', header=true, decimal_separator=',', encoding='latin-1',
                types={{'IDENT': 'VARCHAR', 'NDEPT': 'VARCHAR', 'INSEE': 'VARCHAR', 'CBUDG': 'VARCHAR',
                        'COMPTE': 'VARCHAR', 'FONCTION': 'VARCHAR', 'SIREN': 'VARCHAR',
                        'OBNETDEB': 'DOUBLE', 'OBNETCRE': 'DOUBLE', 'OOBDEB': 'DOUBLE', 'OOBCRE': 'DOUBLE',
                        'SD': 'DOUBLE', 'SC': 'DOUBLE'}})
  WHERE CBUDG = '1'
  GROUP BY IDENT, EXER, COMPTE
  ORDER BY IDENT, EXER, COMPTE
) TO '{sys.argv[2]}' (HEADER, DELIMITER ';')
''')
rows = con.execute(f"SELECT count(*), count(DISTINCT IDENT) FROM read_csv('{sys.argv[2]}', delim=';', header=true)").fetchone()
print(json.dumps({"rows": rows[0], "communes": rows[1]}))
""".replace("import duckdb, sys", "import duckdb, sys, json")


def measure(command):
    """Runs a command; returns (wall seconds, peak RSS in MiB of that child, stdout)."""
    start = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    done = subprocess.run(command, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"{command[0]} failed: {done.stderr}")
    # ru_maxrss of children is the largest of any child so far: run the lighter one first
    # or compare with care; each measure here runs in a fresh interpreter (see main).
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, max(peak, before) / 1024, done.stdout.strip()


def main():
    briques, balances, populations, work, python = sys.argv[1:6]
    if len(sys.argv) > 6 and sys.argv[6] == "--one":
        # Child mode: run one tool and report its own figures.
        tool = sys.argv[7]
        if tool == "briques":
            out = os.path.join(work, "prepared")
            shutil.rmtree(out, ignore_errors=True)
            seconds, rss, stdout = measure([briques, "budget", "prepare", balances, "--out", out, "--populations", populations])
        else:
            script = os.path.join(work, "duckdb_query.py")
            with open(script, "w") as f:
                f.write(DUCKDB_QUERY)
            seconds, rss, stdout = measure([python, script, balances, os.path.join(work, "duckdb-out.csv")])
        print(json.dumps({"seconds": round(seconds, 2), "peak_rss_mib": round(rss, 1), "output": stdout}))
        return
    results = {}
    # Each tool is measured from its own fresh process, so peak RSS figures do not mix.
    for tool in ("briques", "duckdb"):
        done = subprocess.run([sys.executable, __file__, briques, balances, populations, work, python, "--one", tool],
                              capture_output=True, text=True, check=True)
        results[tool] = json.loads(done.stdout)
    size = os.path.getsize(balances)
    with open(balances, "rb") as f:
        rows = sum(1 for _ in f) - 1
    report = {
        "file": {"bytes": size, "rows": rows},
        "briques_prepare": results["briques"],
        "duckdb": results["duckdb"],
        "ratio_duckdb_over_briques": round(results["duckdb"]["seconds"] / results["briques"]["seconds"], 2),
    }
    print(json.dumps(report, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
