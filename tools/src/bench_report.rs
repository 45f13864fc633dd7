//! Prints the medians of the last resolution benchmark runs, and the ratios of each baseline
//! to model-catalog measured in the same run, as the Markdown tables of BENCHMARKS.md: the
//! crate's `benches/resolve.rs` (groups `resolve/<class>`: `HashMap` and `FxHashMap`
//! baselines, lookups, queries, cost) and, when it was run,
//! `benches/phf.rs` (groups `phf/<class>`: the phf baselines).
//!
//! ```text
//! cargo bench --bench resolve && cargo bench --bench phf
//! cargo run -p catalog-tools --bin bench-report [-- DIR]
//! ```
//!
//! DIR is criterion's output directory (default `target/criterion`).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The median estimate, in nanoseconds, of one benchmark.
fn median(dir: &Path) -> Option<f64> {
    let text = std::fs::read_to_string(dir.join("new/estimates.json")).ok()?;
    let v: serde_json::Value = serde_json::from_str(&text).ok()?;
    v.pointer("/median/point_estimate")?.as_f64()
}

fn subdirs(dir: &Path) -> Vec<String> {
    let mut out: Vec<String> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .filter(|e| e.path().is_dir())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

fn main() -> ExitCode {
    let root = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/criterion"));
    let classes = [
        "mixed",
        "canonical",
        "mixed_case",
        "alias",
        "provider_colon",
        "provider_slash",
        "pass_through",
        "miss",
    ];
    let mut found = false;
    for (prefix, baselines) in [
        (
            "resolve",
            [
                ("hashmap_to_lowercase", "HashMap + to_lowercase"),
                ("fxhashmap_ascii_fold", "FxHashMap + ASCII fold"),
            ],
        ),
        (
            "phf",
            [
                ("phf_unicase", "phf UniCase"),
                ("phf_lowercase_keys", "phf lowercase keys"),
            ],
        ),
    ] {
        found |= ratio_table(&root, prefix, &classes, &baselines);
    }
    println!("| benchmark | median (ns) |");
    println!("|---|---:|");
    for group in subdirs(&root) {
        if group.starts_with("resolve_") || group.starts_with("phf_") || group == "report" {
            continue;
        }
        // A benchmark outside a group has its results directly in its directory.
        if let Some(m) = median(&root.join(&group)) {
            found = true;
            println!("| {group} | {m:.1} |");
            continue;
        }
        for f in subdirs(&root.join(&group)) {
            if let Some(m) = median(&root.join(&group).join(&f)) {
                found = true;
                println!("| {group}/{f} | {m:.1} |");
            }
        }
    }
    let too_long = |f: &str| median(&root.join("too_long").join(f));
    if let (Some(short), Some(long)) = (too_long("257_bytes"), too_long("1_mib")) {
        println!();
        println!(
            "too_long: 1 MiB input / 257-byte input = {:.2}x",
            long / short
        );
    }
    if found {
        ExitCode::SUCCESS
    } else {
        eprintln!(
            "no criterion results under {}: run `cargo bench --bench resolve` first",
            root.display()
        );
        ExitCode::from(1)
    }
}

/// The table of the groups `<prefix>/<class>`: model-catalog's median, each baseline's, and
/// their ratios to model-catalog's. Prints nothing, and returns false, when no group of that
/// prefix has results.
fn ratio_table(root: &Path, prefix: &str, classes: &[&str], baselines: &[(&str, &str); 2]) -> bool {
    let ours = "model_catalog";
    let mut rows = Vec::new();
    for class in classes {
        let group = root.join(format!("{prefix}_{class}"));
        let Some(us) = median(&group.join(ours)) else {
            continue;
        };
        let theirs: Vec<Option<f64>> = baselines
            .iter()
            .map(|(b, _)| median(&group.join(b)))
            .collect();
        let cell = |x: Option<f64>| x.map_or("-".to_owned(), |x| format!("{x:.1}"));
        let ratio = |x: Option<f64>| x.map_or("-".to_owned(), |x| format!("{:.1}x", x / us));
        rows.push(format!(
            "| {class} | {us:.1} | {} | {} | {} | {} |",
            cell(theirs[0]),
            cell(theirs[1]),
            ratio(theirs[0]),
            ratio(theirs[1]),
        ));
    }
    if rows.is_empty() {
        return false;
    }
    let [(_, a), (_, b)] = baselines;
    println!("`{prefix}/<class>`:");
    println!();
    println!("| class | model-catalog (ns) | {a} (ns) | {b} (ns) | {a} / ours | {b} / ours |");
    println!("|---|---:|---:|---:|---:|---:|");
    for row in rows {
        println!("{row}");
    }
    println!();
    true
}
