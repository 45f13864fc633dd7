//! Queries on the built-in catalog and on a run-time catalog of 10,000 custom models
//! (`benches/synthetic`), each query on both in the same run:
//!
//! - `all`: every model, catalog order;
//! - `provider_small` / `provider_large`: `Query::provider` of a provider of 50 models and
//!   of the largest (2,000 of the 10,000; on the built-in catalog, its smallest and largest
//!   providers);
//! - `tools_vision_200k_by_input_price`: tools and image input and 200k context, sorted by
//!   input price;
//! - `cheapest_reasoning`: `Catalog::cheapest` of reasoning models;
//! - `context_window_sorted`: every model by context window;
//! - `vendor_tag_miss`: a vendor and a tag no model carries (nothing found).
//!
//! Run `cargo bench --bench query --no-run`, then
//! `cargo bench --bench query -- --warm-up-time 1 --measurement-time 3`.

mod synthetic;

use criterion::{criterion_group, criterion_main, Criterion};
use model_catalog::{Capability, Catalog, Modality, Query, Sort};
use std::hint::black_box;
use synthetic::synthetic;

fn queries(c: &mut Criterion) {
    let s = synthetic(10_000);
    let large = s.catalog();
    let builtin = Catalog::builtin();
    let by_size = |c: &Catalog, largest: bool| -> String {
        let mut ps: Vec<(usize, String)> = c
            .providers()
            .map(|p| {
                (
                    c.models().filter(|m| m.provider_id() == p.id()).count(),
                    p.id().to_owned(),
                )
            })
            .filter(|(n, _)| *n > 0)
            .collect();
        ps.sort();
        let pick = if largest { ps.last() } else { ps.first() };
        pick.map(|(_, id)| id.clone()).unwrap_or_default()
    };
    let small_custom = s
        .providers
        .iter()
        .find(|(_, n)| *n == 50)
        .map(|(id, _)| id.clone())
        .expect("a provider of 50");
    let large_custom = s.providers[0].0.clone();
    let cases: Vec<(&str, Query, Query)> = vec![
        ("all", Query::new(), Query::new()),
        (
            "provider_small",
            Query::new().provider(&by_size(builtin, false)),
            Query::new().provider(&small_custom),
        ),
        (
            "provider_large",
            Query::new().provider(&by_size(builtin, true)),
            Query::new().provider(&large_custom),
        ),
        {
            let q = Query::new()
                .capability(Capability::Tools)
                .input_modality(Modality::Image)
                .min_context(200_000)
                .sort(Sort::InputPrice);
            ("tools_vision_200k_by_input_price", q.clone(), q)
        },
        {
            let q = Query::new().sort(Sort::ContextWindow);
            ("context_window_sorted", q.clone(), q)
        },
        {
            let q = Query::new().vendor("nobody").tag("nothing");
            ("vendor_tag_miss", q.clone(), q)
        },
    ];
    assert_eq!(large.query(&cases[1].2).len(), 50);
    assert_eq!(large.query(&cases[2].2).len(), 2_000);
    for (name, on_builtin, on_large) in &cases {
        let mut g = c.benchmark_group(format!("query/{name}"));
        g.bench_function("builtin", |b| {
            b.iter_with_large_drop(|| builtin.query(black_box(on_builtin)))
        });
        g.bench_function("custom_10000", |b| {
            b.iter_with_large_drop(|| large.query(black_box(on_large)))
        });
        g.finish();
    }
    let reasoning = Query::new().capability(Capability::Reasoning);
    let mut g = c.benchmark_group("query/cheapest_reasoning");
    g.bench_function("builtin", |b| {
        b.iter(|| builtin.cheapest(black_box(&reasoning)))
    });
    g.bench_function("custom_10000", |b| {
        b.iter(|| large.cheapest(black_box(&reasoning)))
    });
    g.finish();
}

criterion_group!(benches, queries);
criterion_main!(benches);
