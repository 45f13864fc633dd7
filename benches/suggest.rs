//! The cost of rendering an `unknown_model` error, suggestions included, on run-time
//! catalogs of about 50,000 names, beside the same error on the built-in catalog (a few
//! hundred names) in the same run.
//!
//! - `modelname_46656`: 46,656 models `modelname-XYZ` and the input `modelname-!!!`, three
//!   edits from every one of them (it took 26 s when each found name was checked against
//!   every name found before);
//! - `long_50000`: 50,000 names of 200 characters, all as long as the input and sharing
//!   nothing with it at either end, so that each costs its whole band: the search stops at
//!   its work bound;
//! - `varied_50000`: 50,000 names of varied lengths and shapes, and a near miss;
//! - `quadratic_5832` against `bounded_5832`: the previous search (every candidate within
//!   the threshold kept, each checked against all kept before) and the present one, on
//!   5,832 names `modelname-XYZ`, as the before and after of the change.
//!
//! - `synthetic_<n>/near` and `/far` (`n` = 10,000 and 50,000): the synthetic catalog of
//!   `benches/synthetic` (names shaped like real ones, with aliases, upstream ids and served
//!   names: about 1.9 names per model), a typo of a name from the middle of the catalog and
//!   a name close to none.
//!
//! Run `cargo bench --bench suggest`.

mod synthetic;

use criterion::{criterion_group, criterion_main, Criterion};
use model_catalog::{resolve_model, Catalog, CustomProvider};
use std::hint::black_box;
use std::time::Duration;

fn catalog(names: &[String]) -> Catalog {
    let mut p = CustomProvider::new("zq-bench", "Bench");
    for n in names {
        p = p.model(n, n);
    }
    Catalog::builder().provider(p).build().unwrap()
}

fn modelnames(alphabet: &[char]) -> Vec<String> {
    let mut names = Vec::new();
    for x in alphabet {
        for y in alphabet {
            for z in alphabet {
                names.push(format!("modelname-{x}{y}{z}"));
            }
        }
    }
    names
}

/// The previous search, for comparison: every name within the threshold kept, each new one
/// checked against all those kept before; full-table distance.
fn quadratic(query: &str, names: &[String]) -> Vec<String> {
    fn distance(a: &[char], b: &[char], max: usize) -> Option<usize> {
        if a.len().abs_diff(b.len()) > max {
            return None;
        }
        let width = b.len() + 1;
        let mut prev2 = vec![0usize; width];
        let mut prev: Vec<usize> = (0..width).collect();
        let mut cur = vec![0usize; width];
        for i in 1..=a.len() {
            cur[0] = i;
            let mut row_min = cur[0];
            for j in 1..width {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    v = v.min(prev2[j - 2] + 1);
                }
                cur[j] = v;
                row_min = row_min.min(v);
            }
            if row_min > max {
                return None;
            }
            std::mem::swap(&mut prev2, &mut prev);
            std::mem::swap(&mut prev, &mut cur);
        }
        let d = prev[b.len()];
        (d <= max).then_some(d)
    }
    let q: Vec<char> = query.chars().map(|c| c.to_ascii_lowercase()).collect();
    let max = (q.len() / 4).clamp(1, 3);
    let mut best: Vec<(usize, usize, String)> = Vec::new();
    let mut cand: Vec<char> = Vec::new();
    for (order, name) in names.iter().enumerate() {
        cand.clear();
        cand.extend(name.chars().map(|c| c.to_ascii_lowercase()));
        if let Some(d) = distance(&q, &cand, max) {
            if !best.iter().any(|(_, _, s)| s.eq_ignore_ascii_case(name)) {
                best.push((d, order, name.clone()));
            }
        }
    }
    best.sort();
    best.into_iter().take(3).map(|(_, _, s)| s).collect()
}

fn suggestions(c: &mut Criterion) {
    let mut g = c.benchmark_group("suggest");
    g.sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));

    let render = |catalog: &Catalog, input: &str| {
        catalog
            .resolve_model(black_box(input))
            .unwrap_err()
            .to_string()
    };

    g.bench_function("builtin_baseline", |b| {
        b.iter(|| {
            resolve_model(black_box("modelname-!!!"))
                .unwrap_err()
                .to_string()
        })
    });

    let alphabet: Vec<char> = ('0'..='9').chain('a'..='z').collect();
    let names = modelnames(&alphabet);
    assert_eq!(names.len(), 46_656);
    let c = catalog(&names);
    assert!(
        render(&c, "modelname-!!!").contains("`modelname-000`, `modelname-001` or `modelname-002`")
    );
    g.bench_function("modelname_46656", |b| {
        b.iter(|| render(&c, "modelname-!!!"))
    });
    drop(c);

    let long: Vec<String> = (0..50_000)
        .map(|i| format!("{}{i:05}{}", "q".repeat(100), "r".repeat(95)))
        .collect();
    let c = catalog(&long);
    let query = format!("x{}{}x", "q".repeat(104), "r".repeat(94));
    g.bench_function("long_50000", |b| b.iter(|| render(&c, &query)));
    drop(c);

    let varied: Vec<String> = (0..50_000)
        .map(|i| {
            let vendor = ["acme", "globex", "initech", "umbrella", "hooli"][i % 5];
            let size = [7, 8, 13, 32, 70, 405][i % 6];
            format!("{vendor}-model-{i}-{size}b-instruct")
        })
        .collect();
    let c = catalog(&varied);
    g.bench_function("varied_50000", |b| {
        b.iter(|| render(&c, "globex-model-25001-8b-instrct"))
    });
    drop(c);

    for n in [10_000, 50_000] {
        let s = synthetic::synthetic(n);
        let c = s.catalog();
        let target = &s.models[n / 2].id;
        // Two characters swapped in the middle: one edit.
        let mut typo = target.clone().into_bytes();
        let at = typo.len() / 2;
        typo.swap(at, at + 1);
        let typo = String::from_utf8(typo).unwrap();
        assert_ne!(&typo, target);
        assert!(render(&c, &typo).contains(&format!("`{target}`")));
        g.bench_function(format!("synthetic_{n}/near"), |b| {
            b.iter(|| render(&c, &typo))
        });
        let far = "quux-zeta-9.9-123b-nonesuch";
        g.bench_function(format!("synthetic_{n}/far"), |b| b.iter(|| render(&c, far)));
    }

    let small: Vec<char> = ('a'..='r').collect();
    let names = modelnames(&small);
    assert_eq!(names.len(), 5_832);
    let c = catalog(&names);
    assert_eq!(
        quadratic("modelname-!!!", &names),
        c.resolve_model("modelname-!!!")
            .unwrap_err()
            .suggestions()
            .unwrap()
    );
    g.bench_function("quadratic_5832", |b| {
        b.iter(|| quadratic(black_box("modelname-!!!"), &names))
    });
    g.bench_function("bounded_5832", |b| b.iter(|| render(&c, "modelname-!!!")));
    g.finish();
}

criterion_group!(benches, suggestions);
criterion_main!(benches);
