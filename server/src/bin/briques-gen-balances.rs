//! Writes a national-scale DGFiP "balances comptables des communes" file for the
//! `budget prepare` benchmark (ISSUE 5), and the matching populations file.
//!
//! The layout is the current 29-column one, `;`-separated, Latin-1 with `,` decimals like
//! the raw files attached on data.economie.gouv.fr. Communes get a population drawn from
//! a heavy-tailed distribution (most are small, a few are large), amounts proportional
//! to it, about 200 accounts each (the accounts communes really use, with sub-accounts),
//! and about one in ten an annex budget. Deterministic for a given seed.
//!
//! Usage: briques-gen-balances <out.csv> <populations.csv> [communes=35000] [seed=1]

use std::fs::File;
use std::io::{BufWriter, Write};

/// A small, fast, deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// Accounts: (code, D or R, share of operating revenue per year, ordre?).
const ACCOUNTS: &[(&str, u8, f64, bool)] = &[
    ("60611", b'D', 0.010, false),
    ("60612", b'D', 0.030, false),
    ("60622", b'D', 0.006, false),
    ("60623", b'D', 0.020, false),
    ("6064", b'D', 0.003, false),
    ("6067", b'D', 0.004, false),
    ("611", b'D', 0.030, false),
    ("6132", b'D', 0.005, false),
    ("615221", b'D', 0.010, false),
    ("615231", b'D', 0.015, false),
    ("616", b'D', 0.008, false),
    ("6226", b'D', 0.004, false),
    ("6231", b'D', 0.002, false),
    ("6247", b'D', 0.004, false),
    ("6262", b'D', 0.003, false),
    ("63512", b'D', 0.004, false),
    ("64111", b'D', 0.220, false),
    ("64131", b'D', 0.080, false),
    ("6451", b'D', 0.070, false),
    ("6453", b'D', 0.060, false),
    ("6531", b'D', 0.015, false),
    ("6553", b'D', 0.020, false),
    ("65548", b'D', 0.030, false),
    ("6574", b'D', 0.030, false),
    ("66111", b'D', 0.015, false),
    ("673", b'D', 0.002, false),
    ("6811", b'D', 0.060, true),
    ("739211", b'D', 0.005, false),
    ("023", b'D', 0.080, true),
    ("70311", b'R', 0.005, false),
    ("70323", b'R', 0.010, false),
    ("7062", b'R', 0.006, false),
    ("7066", b'R', 0.012, false),
    ("7067", b'R', 0.030, false),
    ("73111", b'R', 0.420, false),
    ("7321", b'R', 0.080, false),
    ("7351", b'R', 0.015, false),
    ("7381", b'R', 0.030, false),
    ("7411", b'R', 0.150, false),
    ("74121", b'R', 0.040, false),
    ("74127", b'R', 0.020, false),
    ("7478", b'R', 0.020, false),
    ("752", b'R', 0.015, false),
    ("7788", b'R', 0.004, false),
    ("722", b'R', 0.010, true),
    ("7811", b'R', 0.005, true),
    ("10222", b'R', 0.030, false),
    ("10226", b'R', 0.010, false),
    ("1068", b'R', 0.060, false),
    ("1321", b'R', 0.020, false),
    ("1323", b'R', 0.030, false),
    ("1341", b'R', 0.015, false),
    ("1641", b'R', 0.060, false),
    ("28041582", b'R', 0.020, true),
    ("021", b'R', 0.080, true),
    ("1641", b'D', 0.050, false),
    ("2031", b'D', 0.010, false),
    ("2041582", b'D', 0.015, false),
    ("2111", b'D', 0.010, false),
    ("2128", b'D', 0.010, false),
    ("21311", b'D', 0.030, false),
    ("21318", b'D', 0.020, false),
    ("2151", b'D', 0.040, false),
    ("2152", b'D', 0.010, false),
    ("21534", b'D', 0.005, false),
    ("2182", b'D', 0.010, false),
    ("2183", b'D', 0.006, false),
    ("2184", b'D', 0.005, false),
    ("2188", b'D', 0.015, false),
    ("2313", b'D', 0.050, false),
    ("2315", b'D', 0.050, false),
];

const FIRST: &[&str] = &[
    "SAINT", "SAINTE", "LE", "LA", "LES", "VILLE", "MONT", "BOIS", "PONT", "VAL",
];
const SECOND: &[&str] = &[
    "ÉTIENNE", "ANDRÉ", "BRIQUE", "GENÊT", "FRÊNE", "CHÂTEAU", "RIVIÈRE", "CÔTE", "PRÉ", "ÎLE",
];

fn amount(v: f64) -> String {
    format!("{v:.2}").replace('.', ",")
}

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 3 {
        eprintln!("usage: briques-gen-balances <out.csv> <populations.csv> [communes=35000] [seed=1]");
        std::process::exit(2);
    }
    let communes: usize = args.get(3).and_then(|a| a.parse().ok()).unwrap_or(35_000);
    let mut rng = Rng(args.get(4).and_then(|a| a.parse().ok()).unwrap_or(1).max(1) * 0x9E37_79B9_7F4A_7C15);

    let mut out = BufWriter::with_capacity(1 << 20, File::create(&args[1])?);
    let mut pops = BufWriter::new(File::create(&args[2])?);
    out.write_all(b"EXER;IDENT;NDEPT;LBUDG;INSEE;CBUDG;CTYPE;CSTYP;NOMEN;SIREN;CREGI;CACTI;SECTEUR;FINESS;CODBUD1;CATEG;BAL;FONCTION;COMPTE;BEDEB;BECRE;OBNETDEB;OBNETCRE;ONBDEB;ONBCRE;OOBDEB;OOBCRE;SD;SC\r\n")?;
    pops.write_all("REG;Région;DEP;CODARR;CODCAN;CODCOM;COM;Commune;PMUN;PCAP;PTOT\r\n".as_bytes())?;
    let mut rows = 0usize;
    for i in 0..communes {
        let dept = 1 + i % 95;
        let commune = i / 95 + 1;
        let ndept = format!("{dept:03}");
        let insee3 = format!("{commune:03}");
        let insee = format!("{dept:02}{commune:03}");
        let siren = format!("2{dept:02}{commune:06}");
        let ident = format!("{siren}00017");
        // Heavy tail: most communes have a few hundred people, a few have hundreds of thousands.
        let population = (150.0 * (1.0 / (1.0 - rng.unit() * 0.9995)).powf(0.85))
            .round()
            .max(20.0) as u64;
        let name = format!(
            "{}-{}-{}",
            FIRST[(rng.next() % FIRST.len() as u64) as usize],
            SECOND[(rng.next() % SECOND.len() as u64) as usize],
            commune
        );
        writeln!(
            pops,
            "11;Région;{dept:02};1;01;{insee3};{insee};{name};{population};0;{population}\r"
        )?;
        let revenue = population as f64 * (900.0 + rng.unit() * 600.0);
        let mut write_budget = |cbudg: &str,
                                label: &str,
                                ident: &str,
                                scale: f64,
                                rng: &mut Rng,
                                out: &mut BufWriter<File>|
         -> std::io::Result<()> {
            // Each commune uses most accounts, spread over a few fonctions, ~200 rows.
            for (code, side, share, ordre) in ACCOUNTS {
                let repeats = 1 + (rng.next() % 6) as usize;
                for r in 0..repeats {
                    if rng.unit() < 0.25 {
                        continue;
                    }
                    let value = revenue * scale * share * (0.6 + rng.unit() * 0.8) / repeats as f64;
                    let (deb, cre) = if *side == b'D' { (value, 0.0) } else { (0.0, value) };
                    let (odeb, ocre) = if *ordre { (deb, cre) } else { (0.0, 0.0) };
                    let (sd, sc) = if code.starts_with('1') && *side == b'R' {
                        (0.0, value * 6.0)
                    } else {
                        (0.0, 0.0)
                    };
                    let fonction = ["01", "020", "212", "311", "411", "822"][r % 6];
                    out.write_all(b"2023;")?;
                    out.write_all(ident.as_bytes())?;
                    write!(out, ";{ndept};")?;
                    // Latin-1: every character of these names is in it.
                    out.write_all(&label.chars().map(|c| c as u32 as u8).collect::<Vec<u8>>())?;
                    write!(
                        out,
                        ";{insee3};{cbudg};201;00;M14;{siren};011;01;;;;Commune;DEF;{fonction};{code};0,00;0,00;{};{};0,00;0,00;{};{};{};{}\r\n",
                        amount(deb), amount(cre), amount(odeb), amount(ocre), amount(sd), amount(sc)
                    )?;
                    rows += 1;
                }
            }
            Ok(())
        };
        write_budget("1", &name, &ident, 1.0, &mut rng, &mut out)?;
        if rng.unit() < 0.1 {
            let annex = format!("{siren}00025");
            write_budget("3", &format!("{name} - EAU"), &annex, 0.1, &mut rng, &mut out)?;
        }
    }
    out.flush()?;
    pops.flush()?;
    eprintln!("{rows} rows for {communes} communes written to {}", args[1]);
    Ok(())
}
