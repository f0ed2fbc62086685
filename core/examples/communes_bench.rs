//! How fast the commune search answers as people type, on the whole directory:
//! `cargo run --release -p briques-core --example communes_bench`. Prints figures;
//! asserts nothing.
//!
//! Typing is simulated for every commune of the directory: each prefix of its name,
//! character by character (what a search box sends on each keystroke), then its
//! département after a space, then its INSEE code and its first postal code digit by
//! digit. Each search asks for 10 results, as a combobox shows.

use std::time::Instant;

use briques_core::communes::Directory;

const INDEX: &str = include_str!("../../www/communes/communes.tsv");

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

fn main() {
    let mut parse_ms = Vec::new();
    let mut directory = None;
    for _ in 0..5 {
        let start = Instant::now();
        let d = Directory::parse(INDEX).expect("the directory reads");
        parse_ms.push(start.elapsed().as_secs_f64() * 1e3);
        directory = Some(d);
    }
    let d = directory.expect("parsed five times");
    parse_ms.sort_by(f64::total_cmp);
    println!(
        "Lecture du répertoire ({} lignes, {} octets) : médiane {:.1} ms",
        d.len(),
        INDEX.len(),
        percentile(&parse_ms, 0.5)
    );

    let mut queries: Vec<String> = Vec::new();
    for c in d.communes() {
        let mut typed = String::new();
        for ch in c.nom.chars() {
            typed.push(ch);
            queries.push(typed.clone());
        }
        queries.push(format!("{} {}", c.nom, c.departement));
        for end in 1..=c.insee.len() {
            queries.push(c.insee[..end].to_owned());
        }
        if let Some(postal) = c.codes_postaux.first() {
            for end in 1..=postal.len() {
                queries.push(postal[..end].to_owned());
            }
        }
    }
    let mut micros = Vec::with_capacity(queries.len());
    let mut results = 0usize;
    let all = Instant::now();
    for q in &queries {
        let start = Instant::now();
        let found = d.search(q, 10);
        micros.push(start.elapsed().as_secs_f64() * 1e6);
        results += found.len();
    }
    let total = all.elapsed().as_secs_f64();
    micros.sort_by(f64::total_cmp);
    println!(
        "{} recherches ({} résultats) en {:.1} s : médiane {:.1} µs, p95 {:.1} µs, p99 {:.1} µs, max {:.1} ms",
        queries.len(),
        results,
        total,
        percentile(&micros, 0.5),
        percentile(&micros, 0.95),
        percentile(&micros, 0.99),
        micros[micros.len() - 1] / 1e3
    );
    let slow: Vec<(f64, &String)> = {
        let mut timed: Vec<(f64, &String)> = queries
            .iter()
            .take(2000)
            .map(|q| {
                let start = Instant::now();
                let _ = d.search(q, 10);
                (start.elapsed().as_secs_f64() * 1e6, q)
            })
            .collect();
        timed.sort_by(|a, b| b.0.total_cmp(&a.0));
        timed.into_iter().take(5).collect()
    };
    for (us, q) in slow {
        println!("  lente parmi les 2 000 premières : « {q} » {us:.0} µs");
    }
}
