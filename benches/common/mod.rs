//! The input classes of the resolution benchmarks, drawn from the compiled catalog, and the
//! one-input-per-iteration loop they are measured with. Shared by `benches/resolve.rs` and
//! `benches/phf.rs` (the phf baselines, left out of the package), so both measure the same
//! inputs, and by `benches/overlay.rs` and `benches/scale.rs` for the loop and the picking
//! helpers. Each benchmark uses part of it.

#![allow(dead_code)]

use model_catalog::{lookup_provider, models, providers, Model};
use std::hint::black_box;

/// How many inputs each class holds (fewer where the catalog has fewer).
pub const PER_CLASS: usize = 64;

/// Prefixes of the providers the large test catalog adds (`tools/src/large_catalog.rs`).
/// Inputs are drawn from the other providers, those of `data/`, so that a run on the large
/// catalog (`MODEL_CATALOG_DATA_DIR`) measures the same inputs in bigger tables.
pub const GENERATED_PROVIDERS: [&str; 2] = ["md-", "ll-"];

/// Whether `m` comes from `data/` rather than from the large test catalog.
pub fn from_data(m: &Model) -> bool {
    !GENERATED_PROVIDERS
        .iter()
        .any(|p| m.provider_id().starts_with(p))
}

/// Spreads picks over the whole catalog rather than its first entries.
pub fn spread<T: Clone>(items: &[T], n: usize) -> Vec<T> {
    if items.is_empty() {
        return Vec::new();
    }
    let step = (items.len() / n).max(1);
    items.iter().step_by(step).take(n).cloned().collect()
}

/// `s` in alternating ASCII case.
pub fn alternate_case(s: &str) -> String {
    s.chars()
        .enumerate()
        .map(|(i, c)| {
            if i % 2 == 0 {
                c.to_ascii_uppercase()
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect()
}

/// The input classes, each a list of model strings, built from the compiled catalog:
/// `mixed` (all the others interleaved) first, then `canonical`, `mixed_case`, `alias`,
/// `provider_colon`, `provider_slash`, `pass_through` and `miss`.
pub fn classes() -> Vec<(&'static str, Vec<String>)> {
    let all: Vec<_> = models().filter(|m| from_data(m)).collect();
    let ids: Vec<String> = spread(&all, PER_CLASS)
        .iter()
        .map(|m| m.id().to_owned())
        .collect();
    let aliases: Vec<String> = all
        .iter()
        .flat_map(|m| m.aliases().map(str::to_owned))
        .collect();
    let provider_of = |m: &Model| lookup_provider(m.provider_id()).expect("home provider");
    let colon: Vec<String> = spread(&all, PER_CLASS)
        .iter()
        .map(|m| format!("{}:{}", m.provider_id(), m.id()))
        .collect();
    let slash: Vec<String> = spread(&all, PER_CLASS)
        .iter()
        .map(|m| {
            let p = provider_of(m);
            let name = p.aliases().next().unwrap_or(p.id());
            format!("{name}/{}", alternate_case(m.id()))
        })
        .collect();
    let provs: Vec<_> = providers()
        .filter(|p| !GENERATED_PROVIDERS.iter().any(|g| p.id().starts_with(g)))
        .collect();
    let pass: Vec<String> = (0..PER_CLASS)
        .map(|i| format!("{}:Unlisted-Model-{i}", provs[i % provs.len()].id()))
        .collect();
    let misses: Vec<String> = spread(&all, PER_CLASS)
        .iter()
        .enumerate()
        .map(|(i, m)| {
            if i % 2 == 0 {
                format!("{}-nope", m.id())
            } else {
                format!("nope:{}", m.id())
            }
        })
        .collect();
    let mut classes = vec![
        ("canonical", ids.clone()),
        (
            "mixed_case",
            ids.iter().map(|s| alternate_case(s)).collect(),
        ),
        ("alias", spread(&aliases, PER_CLASS)),
        ("provider_colon", colon),
        ("provider_slash", slash),
        ("pass_through", pass),
        ("miss", misses),
    ];
    let mixed: Vec<String> = {
        let mut all = Vec::new();
        let longest = classes.iter().map(|(_, v)| v.len()).max().unwrap_or(0);
        for i in 0..longest {
            for (_, v) in &classes {
                if let Some(x) = v.get(i) {
                    all.push(x.clone());
                }
            }
        }
        all
    };
    classes.insert(0, ("mixed", mixed));
    classes
}

/// Whether the baselines must answer like the crate on every input of `class`: on the
/// classes that resolve (not `miss`, nor `mixed`, which holds misses).
pub fn resolves(class: &str) -> bool {
    !matches!(class, "miss" | "mixed")
}

/// Benchmarks `f` over `inputs`, one input per iteration, cycling.
pub fn per_call(
    g: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    name: &str,
    inputs: &[String],
    f: impl Fn(&str) -> bool,
) {
    let mut i = 0;
    g.bench_function(name, |b| {
        b.iter(|| {
            i = if i + 1 == inputs.len() { 0 } else { i + 1 };
            black_box(f(black_box(&inputs[i])))
        })
    });
}
