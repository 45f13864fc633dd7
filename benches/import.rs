//! Import speed on ordinary and pathological inputs, in bytes of JSON per second.
//!
//! Every import must cost time linear in the size of its input (SECURITY.md, section 5): at
//! least 10 MB/s on the benchmark machine for any shape, including those that were
//! quadratic (80,000 tags on one model, 80,000 `supported_params`, 40,000 parameters on one
//! ngrok surface, 40,000 providers, 40,000 duplicate tags reported one by one). Each shape
//! is measured beside `serde_json::from_slice::<Value>` of the same bytes in the same run, so
//! the ratio of the two says what the import adds to merely parsing.
//!
//! The builder shapes (`builder_providers_*`) take no JSON: they are measured per provider,
//! at 20,000 and 40,000 providers, so that the ratio of the two shows the growth.
//!
//! Each iteration's result (the catalog, or the JSON tree) is dropped outside the time
//! measured: the figures are the imports', not the deallocation of what they made.
//!
//! `documents_synthetic_10000` imports the synthetic catalog of `benches/synthetic` (10,000
//! models with prices, limits, capabilities, aliases and upstream ids, compact JSON): the
//! ordinary large import, against the target of 2x `serde_json::from_slice::<Value>`.
//!
//! Run `cargo bench --bench import`; criterion prints each time and throughput.

mod synthetic;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use model_catalog::formats::{
    import_documents, import_inference_api, import_ngrok, import_openai_models, ImportError,
    ImportOptions, TargetProvider,
};
use model_catalog::{Catalog, CustomProvider};
use std::hint::black_box;
use std::time::Duration;

/// `n` JSON strings `"{prefix}{i}"`, comma-separated.
fn strings(prefix: &str, n: usize) -> String {
    (0..n)
        .map(|i| format!("\"{prefix}{i:05}\""))
        .collect::<Vec<_>>()
        .join(",")
}

fn provider_doc(extra: &str, model_extra: &str) -> String {
    format!(
        r#"{{"provider": {{"id": "bench", "name": "Bench", "key_required": true{extra}}},
            "models": [{{"id": "bench-model", "name": "Bench model"{model_extra}}}]}}"#
    )
}

fn ngrok_provider(i: usize, surfaces: &str, models: &str) -> String {
    format!(
        r#"{{"id": "aigp_{i:06}", "uri": "https://api.ngrok.ai/providers/aigp_{i:06}",
            "providerId": "bench-p{i:06}", "name": "Bench {i}", "baseUrl": "https://p{i}.example/v1",
            "createdAt": "2026-01-05T10:00:00Z", "updatedAt": "2026-01-06T10:00:00.5+01:00",
            "createdBy": {{"id": "usr_1", "uri": "https://api.ngrok.com/users/usr_1"}},
            "lastUpdatedBy": {{"id": "usr_1", "uri": "https://api.ngrok.com/users/usr_1"}},
            "supportedApiSurfaces": {surfaces}, "models": {models}}}"#
    )
}

fn ngrok_page(providers: &[String], next: Option<&str>) -> String {
    let next = next.map_or("null".to_owned(), |n| format!("\"{n}\""));
    format!(
        r#"{{"aiGatewayProviders": [{}], "uri": "https://api.ngrok.ai/providers", "nextPageUri": {next}}}"#,
        providers.join(",")
    )
}

/// One import to measure: its name, its JSON pages, how to run it, and whether it imports
/// (the shapes with defects measure the error path).
struct Shape {
    name: &'static str,
    pages: Vec<String>,
    run: fn(&Catalog, &[String]) -> Result<Catalog, ImportError>,
    imports: bool,
}

fn documents(base: &Catalog, pages: &[String]) -> Result<Catalog, ImportError> {
    import_documents(base, "bench.json", &pages[0])
}

fn ngrok(base: &Catalog, pages: &[String]) -> Result<Catalog, ImportError> {
    import_ngrok(base, pages, &ImportOptions::new())
}

fn openai(base: &Catalog, pages: &[String]) -> Result<Catalog, ImportError> {
    let target = TargetProvider::new("bench", "Bench");
    import_openai_models(base, &pages[0], &target, &ImportOptions::new())
}

fn inference(base: &Catalog, pages: &[String]) -> Result<Catalog, ImportError> {
    import_inference_api(base, &pages[0], &ImportOptions::new())
}

fn shapes() -> Vec<Shape> {
    let mut out = Vec::new();
    out.push(Shape {
        name: "documents_synthetic_10000",
        pages: vec![synthetic::synthetic(10_000).json],
        run: documents,
        imports: true,
    });
    // The pathological shapes.
    out.push(Shape {
        name: "tags_80k",
        pages: vec![provider_doc(
            "",
            &format!(r#", "tags": [{}]"#, strings("t", 80_000)),
        )],
        run: documents,
        imports: true,
    });
    out.push(Shape {
        name: "duplicate_tags_40k",
        pages: vec![provider_doc(
            "",
            &format!(r#", "tags": [{}]"#, vec!["\"same\""; 40_000].join(",")),
        )],
        run: documents,
        imports: false,
    });
    out.push(Shape {
        name: "aliases_80k",
        pages: vec![provider_doc(
            "",
            &format!(
                r#", "aliases": [{}], "redundant_aliases": [{}]"#,
                strings("bench-alias-", 80_000),
                strings("BENCH-ALIAS-", 80_000)
            ),
        )],
        run: documents,
        imports: true,
    });
    out.push(Shape {
        name: "supported_params_80k",
        pages: vec![provider_doc(
            &format!(
                r#", "api_surfaces": [{{"format": "openai", "supported_params": [{}]}}]"#,
                strings("param_", 80_000)
            ),
            "",
        )],
        run: documents,
        imports: true,
    });
    let params: Vec<String> = (0..40_000)
        .map(|i| format!(r#"{{"name": "param_{i:05}"}}"#))
        .collect();
    let surface = format!(
        r#"[{{"format": "openai", "surface": "chat-completions", "supportedParams": [{}]}}]"#,
        params.join(",")
    );
    out.push(Shape {
        name: "ngrok_params_40k",
        pages: vec![ngrok_page(
            &[ngrok_provider(
                0,
                &surface,
                r#"[{"id": "aigpm_1", "modelId": "m"}]"#,
            )],
            None,
        )],
        run: ngrok,
        imports: true,
    });
    let providers: Vec<String> = (0..40_000)
        .map(|i| {
            format!(
                r#"{{"provider": {{"id": "bench-p{i:05}", "name": "P{i}", "key_required": false}},
                    "models": [{{"id": "bench-m{i:05}", "name": "M{i}"}}]}}"#
            )
        })
        .collect();
    out.push(Shape {
        name: "documents_providers_40k",
        pages: vec![format!("[{}]", providers.join(","))],
        run: documents,
        imports: true,
    });
    // Ordinary shapes, large.
    let models: Vec<String> = (0..50_000)
        .map(|i| {
            format!(
                r#"{{"id": "bench-m{i:05}", "object": "model", "created": 1704067200, "owned_by": "bench",
                    "name": "Bench {i}", "context_length": 131072, "max_output_tokens": 8192,
                    "pricing": {{"prompt": 0.15, "completion": 0.6, "currency": "USD", "unit": "per_million_tokens"}}}}"#
            )
        })
        .collect();
    out.push(Shape {
        name: "openai_models_50k",
        pages: vec![format!(
            r#"{{"object": "list", "data": [{}]}}"#,
            models.join(",")
        )],
        run: openai,
        imports: true,
    });
    let models: Vec<String> = (0..50_000)
        .map(|i| {
            let provider = ["openai", "anthropic", "vertex", "openrouter"][i % 4];
            format!(
                r#"{{"id": "bench-m{i:05}", "name": "Bench {i}", "provider": "{provider}",
                    "context_window": 131072, "max_output_tokens": 8192,
                    "cost_per_1k_input": 0.00021, "cost_per_1k_output": 0.00084,
                    "supports_tools": true, "supports_vision": false}}"#
            )
        })
        .collect();
    out.push(Shape {
        name: "inference_models_50k",
        pages: vec![format!(r#"{{"models": [{}]}}"#, models.join(","))],
        run: inference,
        imports: true,
    });
    let mut pages = Vec::new();
    for page in 0..100 {
        let providers: Vec<String> = (0..100)
            .map(|k| {
                let i = page * 100 + k;
                let models: Vec<String> = (0..10)
                    .map(|j| format!(r#"{{"id": "aigpm_{i}_{j}", "modelId": "bench-m{i}-{j}"}}"#))
                    .collect();
                ngrok_provider(
                    i,
                    r#"[{"format": "openai", "surface": "chat-completions", "supportedParams": [{"name": "model"}, {"name": "messages"}]}]"#,
                    &format!("[{}]", models.join(",")),
                )
            })
            .collect();
        let next = (page < 99).then(|| format!("https://api.ngrok.ai/providers?beforeId=p{page}"));
        pages.push(ngrok_page(&providers, next.as_deref()));
    }
    out.push(Shape {
        name: "ngrok_pages_100x100",
        pages,
        run: ngrok,
        imports: true,
    });
    out
}

fn imports(c: &mut Criterion) {
    let base = Catalog::builtin();
    let mut g = c.benchmark_group("import");
    g.sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
    for shape in shapes() {
        assert_eq!(
            (shape.run)(base, &shape.pages).is_ok(),
            shape.imports,
            "{}: the benchmark input must import, or fail, as meant",
            shape.name
        );
        let bytes: usize = shape.pages.iter().map(String::len).sum();
        g.throughput(Throughput::Bytes(bytes as u64));
        // The result (a catalog, or the JSON tree) is dropped outside the time measured.
        g.bench_function(BenchmarkId::new(shape.name, "import"), |b| {
            b.iter_with_large_drop(|| (shape.run)(base, black_box(&shape.pages)))
        });
        g.bench_function(BenchmarkId::new(shape.name, "serde_json_value"), |b| {
            b.iter_with_large_drop(|| {
                shape
                    .pages
                    .iter()
                    .map(|p| serde_json::from_slice::<serde_json::Value>(black_box(p.as_bytes())))
                    .collect::<Vec<_>>()
            })
        });
    }
    g.finish();
}

/// `n` custom providers with one model each, through the builder.
fn builder(n: usize) -> model_catalog::CatalogBuilder {
    let mut b = Catalog::builder();
    for i in 0..n {
        b = b.provider(
            CustomProvider::new(&format!("bench-p{i:05}"), &format!("P{i}"))
                .model(&format!("bench-m{i:05}"), &format!("bench-m{i:05}")),
        );
    }
    b
}

fn builder_providers(c: &mut Criterion) {
    let mut g = c.benchmark_group("import");
    g.sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
    for n in [20_000, 40_000] {
        let b = builder(n);
        assert!(b.build().is_ok());
        g.throughput(Throughput::Elements(n as u64));
        g.bench_function(BenchmarkId::new("builder_providers", n), |bench| {
            bench.iter_with_large_drop(|| black_box(&b).build())
        });
    }
    g.finish();
}

criterion_group!(benches, imports, builder_providers);
criterion_main!(benches);
