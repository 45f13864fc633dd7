//! Prints the medians of the last `cargo bench --bench resolve` run, and the ratios of each
//! baseline to model-catalog, as the Markdown tables of BENCHMARKS.md.
//!
//! ```text
//! cargo bench --bench resolve && cargo run -p catalog-tools --bin bench-report [-- DIR]
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
    let ours = "model_catalog";
    let baselines = ["hashmap_to_lowercase", "phf_unicase", "phf_lowercase_keys"];
    let mut found = false;
    println!("| class | model-catalog (ns) | HashMap + to_lowercase (ns) | phf UniCase (ns) | phf lowercase keys (ns) | HashMap / ours | UniCase / ours | phf lowercase / ours |");
    println!("|---|---:|---:|---:|---:|---:|---:|---:|");
    for class in classes {
        let group = root.join(format!("resolve_{class}"));
        let Some(us) = median(&group.join(ours)) else {
            continue;
        };
        found = true;
        let theirs: Vec<Option<f64>> = baselines.iter().map(|b| median(&group.join(b))).collect();
        let cell = |x: Option<f64>| x.map_or("-".to_owned(), |x| format!("{x:.1}"));
        let ratio = |x: Option<f64>| x.map_or("-".to_owned(), |x| format!("{:.1}x", x / us));
        println!(
            "| {class} | {us:.1} | {} | {} | {} | {} | {} | {} |",
            cell(theirs[0]),
            cell(theirs[1]),
            cell(theirs[2]),
            ratio(theirs[0]),
            ratio(theirs[1]),
            ratio(theirs[2]),
        );
    }
    println!();
    println!("| benchmark | median (ns) |");
    println!("|---|---:|");
    for group in subdirs(&root) {
        if group.starts_with("resolve_") || group == "report" {
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
