//! Resolution speed per input class, each beside baselines measured in the same run:
//!
//! - `hashmap`: `std::collections::HashMap<String, _>` queried with `to_lowercase()`;
//! - `unicase`: `phf::Map<UniCase<&str>, _>`;
//! - `phf_lower`: `phf::Map<&str, _>` with lowercased keys and a stack-buffer fold;
//!
//! all built from the same catalog data (see `tools/baseline`) and walking the same grammar.
//! Each iteration is one call on the next input of the class, so criterion's time per
//! iteration is the time per call. Also: lookups, a capability query over the whole catalog,
//! and cost computation.
//!
//! Run `cargo bench --bench resolve`, then `cargo run -p catalog-tools --bin bench-report` for
//! the medians and ratios (see BENCHMARKS.md).

use catalog_baseline::{HashMapBaseline, PhfLowerBaseline, UniCaseBaseline};
use criterion::{criterion_group, criterion_main, Criterion};
use model_catalog::{
    lookup_model, lookup_provider, models, providers, resolve_model, Capability, Modality, Query,
    Sort, Usage,
};
use std::hint::black_box;

/// How many inputs each class holds (fewer where the catalog has fewer).
const PER_CLASS: usize = 64;

/// Prefixes of the providers the large test catalog adds (`tools/src/large_catalog.rs`).
/// Inputs are drawn from the other providers, those of `data/`, so that a run on the large
/// catalog (`MODEL_CATALOG_DATA_DIR`) measures the same inputs in bigger tables.
const GENERATED_PROVIDERS: [&str; 2] = ["md-", "ll-"];

fn from_data(m: &model_catalog::Model) -> bool {
    !GENERATED_PROVIDERS
        .iter()
        .any(|p| m.provider_id().starts_with(p))
}

/// Spreads picks over the whole catalog rather than its first entries.
fn spread<T: Clone>(items: &[T], n: usize) -> Vec<T> {
    if items.is_empty() {
        return Vec::new();
    }
    let step = (items.len() / n).max(1);
    items.iter().step_by(step).take(n).cloned().collect()
}

fn alternate_case(s: &str) -> String {
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

/// The input classes, each a list of model strings, built from the compiled catalog.
fn classes() -> Vec<(&'static str, Vec<String>)> {
    let all: Vec<_> = models().filter(|m| from_data(m)).collect();
    let ids: Vec<String> = spread(&all, PER_CLASS)
        .iter()
        .map(|m| m.id().to_owned())
        .collect();
    let aliases: Vec<String> = all
        .iter()
        .flat_map(|m| m.aliases().map(str::to_owned))
        .collect();
    let provider_of =
        |m: &model_catalog::Model| lookup_provider(m.provider_id()).expect("home provider");
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
    vec![
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
    ]
}

/// Benchmarks `f` over `inputs`, one input per iteration, cycling.
fn per_call(
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

fn resolution(c: &mut Criterion) {
    let hashmap = HashMapBaseline::default();
    let unicase = UniCaseBaseline;
    let phf_lower = PhfLowerBaseline;
    let mut classes = classes();
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
    for (class, inputs) in &classes {
        // The baselines answer like the crate on the classes that resolve.
        if !matches!(*class, "miss" | "mixed") {
            for input in inputs {
                let ours = resolve_model(input)
                    .map(|r| r.provider.id().to_owned())
                    .ok();
                let theirs = hashmap
                    .resolve(input)
                    .map(|(p, _)| catalog_baseline::PROVIDER_IDS[p as usize].to_owned());
                assert_eq!(ours, theirs, "{class}: {input}");
            }
        }
        let mut g = c.benchmark_group(format!("resolve/{class}"));
        per_call(&mut g, "model_catalog", inputs, |s| {
            resolve_model(s).is_ok()
        });
        per_call(&mut g, "hashmap_to_lowercase", inputs, |s| {
            hashmap.resolve(s).is_some()
        });
        per_call(&mut g, "phf_unicase", inputs, |s| {
            unicase.resolve(s).is_some()
        });
        per_call(&mut g, "phf_lowercase_keys", inputs, |s| {
            phf_lower.resolve(s).is_some()
        });
        g.finish();
    }
}

fn lookups(c: &mut Criterion) {
    let data: Vec<_> = models().filter(|m| from_data(m)).collect();
    let ids: Vec<String> = spread(&data, PER_CLASS)
        .iter()
        .map(|m| m.id().to_owned())
        .collect();
    let upper: Vec<String> = ids.iter().map(|s| s.to_ascii_uppercase()).collect();
    let mut g = c.benchmark_group("lookup");
    per_call(&mut g, "model_by_id", &ids, |s| lookup_model(s).is_some());
    per_call(&mut g, "model_by_id_uppercase", &upper, |s| {
        lookup_model(s).is_some()
    });
    let pids: Vec<String> = providers()
        .filter(|p| !GENERATED_PROVIDERS.iter().any(|g| p.id().starts_with(g)))
        .map(|p| p.id().to_owned())
        .collect();
    per_call(&mut g, "provider_by_id", &pids, |s| {
        lookup_provider(s).is_some()
    });
    g.finish();
}

fn queries_and_cost(c: &mut Criterion) {
    let mut g = c.benchmark_group("query");
    let q = Query::new()
        .capability(Capability::Tools)
        .input_modality(Modality::Image)
        .min_context(200_000)
        .sort(Sort::InputPrice);
    g.bench_function("tools_vision_200k_by_input_price", |b| {
        b.iter(|| black_box(q.run()).len())
    });
    g.bench_function("cheapest_reasoning", |b| {
        let q = Query::new().capability(Capability::Reasoning);
        b.iter(|| black_box(q.cheapest()).map(|m| m.id().len()))
    });
    g.finish();
    let m = lookup_model("claude-opus-4-6").expect("in the catalog");
    let usage = Usage::new()
        .input_tokens(12_345)
        .output_tokens(2_345)
        .cache_read_tokens(50_000)
        .cache_write_tokens(1_000)
        .reasoning_tokens(800);
    c.bench_function("cost/claude_opus_4_6", |b| {
        b.iter(|| black_box(m.cost(black_box(&usage))).is_ok())
    });
}

/// `too_long` is decided from the length alone: a 1 MiB input costs what a 257-byte one
/// does (the report gives the ratio).
fn too_long(c: &mut Criterion) {
    let mut g = c.benchmark_group("too_long");
    for (name, len) in [("257_bytes", 257), ("1_mib", 1 << 20)] {
        let input = format!("openai:{}", " gpt-4o".repeat(len / 7 + 1))[..len].to_owned();
        assert_eq!(
            resolve_model(&input).unwrap_err().kind(),
            "too_long",
            "{name}"
        );
        g.bench_function(name, |b| {
            b.iter(|| black_box(resolve_model(black_box(&input))).is_err())
        });
    }
    g.finish();
}

criterion_group!(benches, resolution, lookups, queries_and_cost, too_long);
criterion_main!(benches);
