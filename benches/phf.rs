//! Resolution speed per input class beside the phf baselines, measured in the same run:
//!
//! - `phf_unicase`: `phf::Map<UniCase<&str>, _>`;
//! - `phf_lowercase_keys`: `phf::Map<&str, _>` with lowercased keys and a stack-buffer fold.
//!
//! The baselines' tables are generated at build time by the workspace crate
//! `catalog-baseline` (`tools/baseline`), which is not published: this benchmark is left out
//! of the package, and `benches/resolve.rs` measures the run-time baselines. The inputs are
//! those of `benches/resolve.rs` (`benches/common`).
//!
//! Run `cargo bench --bench phf`, then `cargo run -p catalog-tools --bin bench-report` (see
//! BENCHMARKS.md).

mod common;

use catalog_baseline::{PhfLowerBaseline, UniCaseBaseline, PROVIDER_IDS};
use common::{classes, per_call, resolves};
use criterion::{criterion_group, criterion_main, Criterion};
use model_catalog::resolve_model;

fn resolution(c: &mut Criterion) {
    let unicase = UniCaseBaseline;
    let phf_lower = PhfLowerBaseline;
    for (class, inputs) in &classes() {
        // The baselines answer like the crate on the classes that resolve.
        if resolves(class) {
            for input in inputs {
                let ours = resolve_model(input).map(|r| r.provider.id()).ok();
                for theirs in [unicase.resolve(input), phf_lower.resolve(input)] {
                    let theirs = theirs.map(|(p, _)| PROVIDER_IDS[p as usize]);
                    assert_eq!(ours, theirs, "{class}: {input}");
                }
            }
        }
        let mut g = c.benchmark_group(format!("phf/{class}"));
        per_call(&mut g, "model_catalog", inputs, |s| {
            resolve_model(s).is_ok()
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

criterion_group!(benches, resolution);
criterion_main!(benches);
