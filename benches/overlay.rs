//! Run-time catalogs: what an overlay costs a resolution, and what `build()` costs per model.
//!
//! - `overlay/builtin/<class>`: built-in names (drawn from the whole built-in catalog), each
//!   class resolved by the free function `resolve_model`, by a catalog with one custom model
//!   (`one_custom`) and by a catalog with 10,000 custom models (`custom_10000`), in the same
//!   run; the ratios to `free` are what an overlay costs.
//! - `overlay/custom/<class>`: names of the 10,000 custom models (spread over all of them),
//!   resolved by `custom_10000`, beside the free function on built-in names of the same
//!   class (`free_builtin`), and a strong baseline over the same custom names:
//!   `FxHashMap<String, u32>` queried with the input ASCII-lowercased into a stack buffer
//!   (`fxhashmap`), for whole names and `provider:model`.
//! - `overlay/build/<n>`: `CatalogBuilder::build` of a synthetic catalog of `n` models
//!   (1,000, 10,000, 100,000; `benches/synthetic`), per model (`Throughput::Elements`);
//!   `overlay/build_cold/<n>`, the same with the caches emptied before each build; beside
//!   them, `overlay/build_baseline/<n>`: the same documents read into an
//!   `FxHashMap<String, ModelEntry>`, each entry copied under its id ASCII-lowercased, the
//!   least a run-time catalog could do with every model. How much its cost per model grows
//!   from 1,000 to 100,000 is what the memory hierarchy alone adds.
//!
//! Run `cargo bench --bench overlay --no-run`, then
//! `cargo bench --bench overlay -- --warm-up-time 1 --measurement-time 3`.

mod common;
mod synthetic;

use common::{alternate_case, per_call, spread, PER_CLASS};
use criterion::{
    criterion_group, criterion_main, BenchmarkId, Criterion, SamplingMode, Throughput,
};
use model_catalog::{lookup_provider, models, providers, resolve_model};
use rustc_hash::FxHashMap;
use std::hint::black_box;
use std::time::{Duration, Instant};
use synthetic::{one_custom, synthetic};

/// Built-in inputs by class, spread over the whole built-in catalog.
fn builtin_classes() -> Vec<(&'static str, Vec<String>)> {
    let all: Vec<_> = models().collect();
    let picks = spread(&all, PER_CLASS);
    let ids: Vec<String> = picks.iter().map(|m| m.id().to_owned()).collect();
    let aliases: Vec<String> = all
        .iter()
        .flat_map(|m| m.aliases().map(str::to_owned))
        .collect();
    let colon = picks
        .iter()
        .map(|m| format!("{}:{}", m.provider_id(), m.id()))
        .collect();
    let slash = picks
        .iter()
        .map(|m| {
            let p = lookup_provider(m.provider_id()).expect("home provider");
            let name = p.aliases().next().unwrap_or(p.id());
            format!("{name}/{}", alternate_case(m.id()))
        })
        .collect();
    let upstream: Vec<String> = all
        .iter()
        .map(|m| m.upstream_id())
        .filter(|u| u.contains('/'))
        .map(str::to_owned)
        .collect();
    let provs: Vec<_> = providers().collect();
    let pass = (0..PER_CLASS)
        .map(|i| format!("{}:Unlisted-Model-{i}", provs[i % provs.len()].id()))
        .collect();
    let misses = picks
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
    let classes = vec![
        ("canonical", ids.clone()),
        (
            "mixed_case",
            ids.iter().map(|s| alternate_case(s)).collect(),
        ),
        ("alias", spread(&aliases, PER_CLASS)),
        ("upstream_slash", spread(&upstream, PER_CLASS)),
        ("provider_colon", colon),
        ("provider_slash", slash),
        ("pass_through", pass),
        ("miss", misses),
    ];
    with_mixed(classes)
}

/// The classes, with `mixed` (all of them interleaved) first.
fn with_mixed(mut classes: Vec<(&'static str, Vec<String>)>) -> Vec<(&'static str, Vec<String>)> {
    let longest = classes.iter().map(|(_, v)| v.len()).max().unwrap_or(0);
    let mut mixed = Vec::new();
    for i in 0..longest {
        for (_, v) in &classes {
            if let Some(x) = v.get(i) {
                mixed.push(x.clone());
            }
        }
    }
    classes.insert(0, ("mixed", mixed));
    classes
}

/// Custom inputs by class, spread over the synthetic catalog's models.
fn custom_classes(s: &synthetic::Synthetic) -> Vec<(&'static str, Vec<String>)> {
    let picks = spread(&s.models, PER_CLASS);
    let ids: Vec<String> = picks.iter().map(|m| m.id.clone()).collect();
    let aliases: Vec<String> = s.models.iter().filter_map(|m| m.alias.clone()).collect();
    let upstream: Vec<String> = s.models.iter().filter_map(|m| m.upstream.clone()).collect();
    let colon = picks
        .iter()
        .map(|m| format!("{}:{}", s.providers[m.provider].0, m.id))
        .collect();
    let misses = picks
        .iter()
        .enumerate()
        .map(|(i, m)| {
            if i % 2 == 0 {
                format!("{}-nope", m.id)
            } else {
                format!("nope:{}", m.id)
            }
        })
        .collect();
    with_mixed(vec![
        ("canonical", ids.clone()),
        (
            "mixed_case",
            ids.iter().map(|s| alternate_case(s)).collect(),
        ),
        ("alias", spread(&aliases, PER_CLASS)),
        ("upstream_slash", spread(&upstream, PER_CLASS)),
        ("provider_colon", colon),
        ("miss", misses),
    ])
}

/// The baseline: every name of the synthetic catalog's models and providers, lowercased, in
/// `FxHashMap`s; queried with the input ASCII-lowercased into a stack buffer, whole, then as
/// `provider:model`.
struct FxBaseline {
    models: FxHashMap<String, u32>,
    providers: FxHashMap<String, u32>,
}

impl FxBaseline {
    fn new(s: &synthetic::Synthetic) -> FxBaseline {
        let mut models = FxHashMap::default();
        for (i, m) in s.models.iter().enumerate() {
            let names = [
                Some(&m.id),
                m.alias.as_ref(),
                m.upstream.as_ref(),
                m.served.as_ref(),
            ];
            for n in names.into_iter().flatten() {
                models.insert(n.to_ascii_lowercase(), i as u32);
            }
        }
        let mut providers = FxHashMap::default();
        for (i, (p, _)) in s.providers.iter().enumerate() {
            providers.insert(p.clone(), i as u32);
            providers.insert(format!("{p}-cloud"), i as u32);
        }
        FxBaseline { models, providers }
    }

    fn get<'m>(map: &'m FxHashMap<String, u32>, name: &str) -> Option<&'m u32> {
        let mut buf = [0u8; 256];
        let b = buf.get_mut(..name.len())?;
        b.copy_from_slice(name.as_bytes());
        b.make_ascii_lowercase();
        map.get(std::str::from_utf8(b).ok()?)
    }

    fn resolve(&self, input: &str) -> Option<(u32, u32)> {
        let s = input.trim_ascii();
        if let Some(&m) = Self::get(&self.models, s) {
            return Some((u32::MAX, m));
        }
        let (p, m) = s.split_once(':')?;
        let p = *Self::get(&self.providers, p)?;
        Some((p, Self::get(&self.models, m).copied().unwrap_or(u32::MAX)))
    }
}

fn resolution(c: &mut Criterion) {
    let one = one_custom();
    let s = synthetic(10_000);
    let large = s.catalog();
    let builtin = builtin_classes();
    for (class, inputs) in &builtin {
        for input in inputs {
            let free = resolve_model(input)
                .map(|r| (r.provider.id().to_owned(), r.upstream_id.into_owned()));
            for catalog in [&one, &large] {
                let got = catalog
                    .resolve_model(input)
                    .map(|r| (r.provider.id().to_owned(), r.upstream_id.into_owned()));
                assert_eq!(got.is_ok(), free.is_ok(), "{class}: {input}");
                assert_eq!(got.ok(), free.clone().ok(), "{class}: {input}");
            }
        }
        let mut g = c.benchmark_group(format!("overlay/builtin/{class}"));
        per_call(&mut g, "free", inputs, |i| resolve_model(i).is_ok());
        per_call(&mut g, "one_custom", inputs, |i| {
            one.resolve_model(i).is_ok()
        });
        per_call(&mut g, "custom_10000", inputs, |i| {
            large.resolve_model(i).is_ok()
        });
        g.finish();
    }
    let fx = FxBaseline::new(&s);
    for (class, inputs) in custom_classes(&s) {
        for input in inputs.iter().filter(|_| class != "mixed") {
            let resolves = class != "miss";
            assert_eq!(
                large.resolve_model(input).is_ok(),
                resolves,
                "{class}: {input}"
            );
            if resolves {
                assert!(fx.resolve(input).is_some(), "{class}: {input}");
            }
        }
        let same = builtin
            .iter()
            .find(|(c, _)| *c == class)
            .map_or(&builtin[0].1, |(_, v)| v);
        let mut g = c.benchmark_group(format!("overlay/custom/{class}"));
        per_call(&mut g, "custom_10000", &inputs, |i| {
            large.resolve_model(i).is_ok()
        });
        per_call(&mut g, "free_builtin", same, |i| resolve_model(i).is_ok());
        per_call(&mut g, "fxhashmap", &inputs, |i| fx.resolve(i).is_some());
        g.finish();
    }
}

/// Bytes written to empty the caches before a cold build: twice the benchmark machine's
/// last-level cache (32 MiB).
const EVICT_BYTES: usize = 64 << 20;

fn build(c: &mut Criterion) {
    let mut g = c.benchmark_group("overlay/build");
    g.sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    for n in [1_000, 10_000, 100_000] {
        let s = synthetic(n);
        let b = s.builder();
        assert_eq!(
            b.build().expect("builds").models().len(),
            models().len() + n
        );
        g.throughput(Throughput::Elements(n as u64));
        g.bench_function(BenchmarkId::from_parameter(n), |bench| {
            bench.iter_with_large_drop(|| black_box(&b).build())
        });
    }
    g.finish();
    let mut g = c.benchmark_group("overlay/build_baseline");
    g.sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    for n in [1_000, 10_000, 100_000] {
        let docs = synthetic(n)
            .catalog()
            .documents()
            .iter()
            .map(|(_, d)| d.clone())
            .collect::<Vec<_>>();
        g.throughput(Throughput::Elements(n as u64));
        g.bench_function(BenchmarkId::from_parameter(n), |bench| {
            bench.iter_with_large_drop(|| {
                let mut m = FxHashMap::default();
                for e in black_box(&docs).iter().flat_map(|d| &d.models) {
                    m.insert(e.id.to_ascii_lowercase(), e.clone());
                }
                assert_eq!(m.len(), n);
                m
            })
        });
    }
    g.finish();
}

/// `overlay/build_cold`: run last, so that its buffer leaves the heap of the other groups as
/// it was.
fn build_cold(c: &mut Criterion) {
    // `build`'s builds, each after the caches are emptied (a buffer larger than the last-level
    // cache written through, outside the time measured): the documents and the heap are
    // read from memory at every size, as by a program that builds a catalog once, long
    // after reading its documents.
    let mut g = c.benchmark_group("overlay/build_cold");
    g.sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(1));
    let mut evict = vec![0u8; EVICT_BYTES];
    for n in [1_000, 10_000, 100_000] {
        let s = synthetic(n);
        let b = s.builder();
        g.throughput(Throughput::Elements(n as u64));
        g.bench_function(BenchmarkId::from_parameter(n), |bench| {
            bench.iter_custom(|iters| {
                let mut took = Duration::ZERO;
                // Kept in batches of a tenth of the iterations, as `iter_with_large_drop`
                // keeps `build`'s: each build allocates from a heap in the same state.
                let batch = iters.div_ceil(10) as usize;
                let mut built = Vec::with_capacity(batch);
                for _ in 0..iters {
                    if built.len() == batch {
                        built.clear();
                    }
                    for (i, byte) in evict.iter_mut().enumerate().step_by(64) {
                        *byte = byte.wrapping_add(i as u8);
                    }
                    black_box(&evict);
                    let t = Instant::now();
                    built.push(black_box(&b).build());
                    took += t.elapsed();
                }
                drop(built);
                took
            })
        });
    }
    g.finish();
}

criterion_group!(benches, resolution, build, build_cold);
criterion_main!(benches);
