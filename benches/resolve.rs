//! Resolution speed per input class, each beside baselines measured in the same run:
//!
//! - `hashmap_to_lowercase`: `std::collections::HashMap<String, _>` queried with an
//!   allocating `to_lowercase()`;
//! - `fxhashmap_ascii_fold`: `rustc_hash::FxHashMap<String, _>`, the query ASCII-lowercased
//!   into a stack buffer: a fast hash and no allocation;
//!
//! both built at run time from the names the catalog's public API lists, and walking the same
//! grammar. (The `phf` baselines, which need code generated at build time, are measured by
//! the workspace's `tools/baseline` benchmark, over the same inputs.) Each iteration is one
//! call on the next input of the class, so criterion's time per iteration is the time per
//! call. Also: lookups, a capability query over the whole catalog, and cost computation.
//!
//! Run `cargo bench --bench resolve`, then `cargo run -p catalog-tools --bin bench-report` for
//! the medians and ratios (see BENCHMARKS.md).

mod common;

use common::{classes, from_data, per_call, resolves, spread, GENERATED_PROVIDERS, PER_CLASS};
use criterion::{criterion_group, criterion_main, Criterion};
use model_catalog::{
    lookup_model, lookup_provider, models, providers, resolve_model, Capability, Modality, Query,
    Sort, Usage, MAX_INPUT_LEN,
};
use rustc_hash::FxHashMap;
use std::collections::HashMap;
use std::hint::black_box;

/// A resolution: provider index and, unless passed through, model index.
type Answer = Option<(u32, Option<u32>)>;

/// The names the crate resolves, read through its public API and ASCII-lowercased: each
/// model's id, upstream id, aliases and served names, and each provider's id and aliases,
/// with the index (in catalog order) of what they name.
struct Names {
    models: Vec<(String, u32)>,
    providers: Vec<(String, u32)>,
    /// The home provider of each model.
    model_provider: Vec<u32>,
    provider_ids: Vec<&'static str>,
}

impl Names {
    fn of_the_catalog() -> Names {
        let provider_ids: Vec<&'static str> = providers().map(|p| p.id()).collect();
        let index = |id: &str| {
            provider_ids
                .iter()
                .position(|&p| p == id)
                .expect("a provider") as u32
        };
        let mut names = Names {
            models: Vec::new(),
            providers: Vec::new(),
            model_provider: Vec::new(),
            provider_ids: Vec::new(),
        };
        for (i, p) in providers().enumerate() {
            for name in std::iter::once(p.id()).chain(p.aliases()) {
                names.providers.push((name.to_ascii_lowercase(), i as u32));
            }
        }
        for (i, m) in models().enumerate() {
            names.model_provider.push(index(m.provider_id()));
            let served = m.served_names().map(|s| s.id());
            for name in [m.id(), m.upstream_id()]
                .into_iter()
                .chain(m.aliases())
                .chain(served)
            {
                names.models.push((name.to_ascii_lowercase(), i as u32));
            }
        }
        names.provider_ids = provider_ids;
        names
    }

    /// A map of `keys`, built with `S`; the first entry wins where two share a name.
    fn map<S: std::hash::BuildHasher + Default>(keys: &[(String, u32)]) -> HashMap<String, u32, S> {
        let mut map = HashMap::with_capacity_and_hasher(keys.len(), S::default());
        for (k, v) in keys {
            map.entry(k.clone()).or_insert(*v);
        }
        map
    }
}

/// The grammar the crate resolves with, over two key lookups: the whole string, then
/// `provider:model`, then `provider/model`; behind a known provider an unknown model is
/// passed through.
#[inline]
fn grammar(
    input: &str,
    model_provider: &[u32],
    model: impl Fn(&str) -> Option<u32>,
    provider: impl Fn(&str) -> Option<u32>,
) -> Answer {
    let s = input.trim_ascii();
    if s.is_empty() || input.len() > MAX_INPUT_LEN {
        return None;
    }
    if let Some(m) = model(s) {
        return Some((model_provider[m as usize], Some(m)));
    }
    for sep in [':', '/'] {
        if let Some((p, rest)) = s.split_once(sep) {
            if let Some(p) = provider(p) {
                return Some((p, model(rest)));
            }
        }
    }
    None
}

/// `std::collections::HashMap<String, u32>` queried with `to_lowercase()`.
struct HashMapBaseline {
    models: HashMap<String, u32>,
    providers: HashMap<String, u32>,
    model_provider: Vec<u32>,
}

impl HashMapBaseline {
    fn new(names: &Names) -> HashMapBaseline {
        HashMapBaseline {
            models: Names::map(&names.models),
            providers: Names::map(&names.providers),
            model_provider: names.model_provider.clone(),
        }
    }

    fn resolve(&self, input: &str) -> Answer {
        grammar(
            input,
            &self.model_provider,
            |k| self.models.get(&k.to_lowercase()).copied(),
            |k| self.providers.get(&k.to_lowercase()).copied(),
        )
    }
}

/// `FxHashMap<String, u32>` with the query ASCII-lowercased into a stack buffer.
struct FxBaseline {
    models: FxHashMap<String, u32>,
    providers: FxHashMap<String, u32>,
    model_provider: Vec<u32>,
}

/// `f` of `s` ASCII-lowercased in a stack buffer (an input longer than the buffer names
/// nothing; the grammar refuses it before).
#[inline]
fn folded<R>(s: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; MAX_INPUT_LEN];
    let dst = &mut buf[..s.len().min(MAX_INPUT_LEN)];
    dst.copy_from_slice(&s.as_bytes()[..dst.len()]);
    dst.make_ascii_lowercase();
    f(std::str::from_utf8(dst).unwrap_or(""))
}

impl FxBaseline {
    fn new(names: &Names) -> FxBaseline {
        FxBaseline {
            models: Names::map(&names.models),
            providers: Names::map(&names.providers),
            model_provider: names.model_provider.clone(),
        }
    }

    fn resolve(&self, input: &str) -> Answer {
        grammar(
            input,
            &self.model_provider,
            |k| folded(k, |k| self.models.get(k).copied()),
            |k| folded(k, |k| self.providers.get(k).copied()),
        )
    }
}

fn resolution(c: &mut Criterion) {
    let names = Names::of_the_catalog();
    let hashmap = HashMapBaseline::new(&names);
    let fx = FxBaseline::new(&names);
    for (class, inputs) in &classes() {
        // The baselines answer like the crate on the classes that resolve.
        if resolves(class) {
            for input in inputs {
                let ours = resolve_model(input).map(|r| r.provider.id()).ok();
                for theirs in [hashmap.resolve(input), fx.resolve(input)] {
                    let theirs = theirs.map(|(p, _)| names.provider_ids[p as usize]);
                    assert_eq!(ours, theirs, "{class}: {input}");
                }
            }
        }
        let mut g = c.benchmark_group(format!("resolve/{class}"));
        per_call(&mut g, "model_catalog", inputs, |s| {
            resolve_model(s).is_ok()
        });
        per_call(&mut g, "hashmap_to_lowercase", inputs, |s| {
            hashmap.resolve(s).is_some()
        });
        per_call(&mut g, "fxhashmap_ascii_fold", inputs, |s| {
            fx.resolve(s).is_some()
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
