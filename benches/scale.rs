//! Resolution with inputs spread over every model of the compiled catalog, beside a baseline
//! measured in the same run: how lookups hold up as the catalog grows and its tables leave
//! the cache.
//!
//! Classes (32,768 inputs each, drawn evenly from the class's names so that every name comes
//! at least once, in a fixed shuffled order, one per iteration, cycling; the same number for
//! any catalog):
//! - `every_id`: the id of every model;
//! - `every_name`: every name of every model: id, upstream id, aliases, served names;
//! - `every_provider_colon`: `<home provider>:<model id>` for every model;
//! - `names_by_shape/<bytes>/<separator>`: the names of `every_name` of a length in
//!   `<bytes>` (`1-16`, `17-32`, `33-48`, `49-64`, `65-256`) that hold a `:` or `/`
//!   (`separated`) or not (`plain`); a class the catalog has no name of is left out. A
//!   longer name costs more to hash and compare, and a name with a separator is also
//!   searched for it, in any catalog; the full catalog's names are longer than the
//!   default's, and most hold a `/` (`<vendor>/<model>`). Compared class by class, two
//!   catalogs differ in their size alone.
//!
//! Each class is measured with `resolve_model`; `every_id` and `every_name` also with
//! `lookup_model` and with the baseline, a `HashMap` from the folded names to model indexes
//! with an Fx-style hasher (one multiply and rotate per word, as `rustc-hash` 1) queried with
//! the input ASCII-lowercased into a stack buffer: no allocation, a strong baseline.
//!
//! Run it once per catalog, the default and a large one, and compare the medians:
//!
//! ```text
//! cargo bench --bench scale --no-run && cargo bench --bench scale
//! cargo bench --features full-catalog --bench scale --no-run && cargo bench --features full-catalog --bench scale
//! ```

mod common;

use common::per_call;
use criterion::{criterion_group, criterion_main, Criterion};
use model_catalog::{lookup_model, models, resolve_model};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// The Fx hash (as in `rustc-hash` 1): per word, rotate, xor, multiply.
#[derive(Default, Clone, Copy)]
struct Fx(u64);

impl Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(w));
        }
    }

    fn write_u8(&mut self, b: u8) {
        self.add(u64::from(b));
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

impl Fx {
    #[inline]
    fn add(&mut self, w: u64) {
        self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

/// The baseline: folded names to model indexes.
struct Baseline(HashMap<Box<str>, u32, BuildHasherDefault<Fx>>);

impl Baseline {
    fn new(names: &[(String, u32)]) -> Baseline {
        Baseline(
            names
                .iter()
                .map(|(n, i)| (n.to_ascii_lowercase().into_boxed_str(), *i))
                .collect(),
        )
    }

    /// The model `name` names, ASCII case ignored, folding into a stack buffer.
    #[inline]
    fn get(&self, name: &str) -> Option<u32> {
        let mut buf = [0u8; 256];
        let folded = buf.get_mut(..name.len())?;
        folded.copy_from_slice(name.as_bytes());
        folded.make_ascii_lowercase();
        self.0.get(std::str::from_utf8(folded).ok()?).copied()
    }
}

/// `items` in a fixed pseudo-random order (a Fisher-Yates shuffle driven by xorshift).
fn shuffled<T>(mut items: Vec<T>) -> Vec<T> {
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    for i in (1..items.len()).rev() {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        items.swap(i, (x % (i as u64 + 1)) as usize);
    }
    items
}

/// How many inputs each class cycles through, whatever the catalog: more than the largest
/// class of the full catalog (18,256 names), so that every name is drawn at least once.
const INPUTS: usize = 32_768;

/// [`INPUTS`] inputs drawn evenly from `items` (each as often as any other, within one), in
/// a fixed shuffled order. Both catalogs are measured on as many inputs, in an order no
/// branch predictor learns: what differs between them is the catalog alone. (Cycling
/// through each catalog's own names, the default catalog's 210 ids came round every 210
/// calls, its branches predicted and its inputs in the L1 cache.)
fn drawn(items: Vec<String>) -> Vec<String> {
    shuffled(items.iter().cycle().take(INPUTS).cloned().collect())
}

fn spread(c: &mut Criterion) {
    let all: Vec<_> = models().collect();
    let mut names: Vec<(String, u32)> = Vec::new();
    for (i, m) in all.iter().enumerate() {
        let i = i as u32;
        names.push((m.id().to_owned(), i));
        if m.upstream_id() != m.id() {
            names.push((m.upstream_id().to_owned(), i));
        }
        names.extend(m.aliases().map(|a| (a.to_owned(), i)));
        names.extend(m.served_names().map(|s| (s.id().to_owned(), i)));
    }
    // Names two models share (an upstream id of one, an alias of another) resolve to one of
    // them: keep what the catalog answers.
    names.retain(|(n, i)| lookup_model(n).map(|m| m.id()) == Some(all[*i as usize].id()));
    let baseline = Baseline::new(&names);
    let ids = drawn(all.iter().map(|m| m.id().to_owned()).collect());
    let names: Vec<String> = names.into_iter().map(|(n, _)| n).collect();
    let by_shape: Vec<(String, Vec<String>)> = LENGTHS
        .iter()
        .flat_map(|(bytes, range)| {
            [false, true].map(|separated| {
                let of = names
                    .iter()
                    .filter(|n| range.contains(&n.len()) && n.contains([':', '/']) == separated);
                let shape = if separated { "separated" } else { "plain" };
                (format!("{bytes}/{shape}"), of.cloned().collect::<Vec<_>>())
            })
        })
        .filter(|(_, of)| !of.is_empty())
        .map(|(class, of)| {
            eprintln!("names of {class}: {}", of.len());
            (class, drawn(of))
        })
        .collect();
    let every_name = drawn(names);
    let colon = drawn(
        all.iter()
            .map(|m| format!("{}:{}", m.provider_id(), m.id()))
            .collect(),
    );
    for name in ids.iter().chain(&every_name).chain(&colon) {
        assert!(resolve_model(name).is_ok(), "{name}");
    }
    for name in ids.iter().chain(&every_name) {
        assert!(baseline.get(name).is_some(), "{name}");
    }
    eprintln!(
        "{} models, {} names; {INPUTS} inputs per class",
        all.len(),
        baseline.0.len(),
    );
    for (class, inputs) in [("every_id", &ids), ("every_name", &every_name)] {
        let mut g = c.benchmark_group(format!("scale/{class}"));
        per_call(&mut g, "resolve_model", inputs, |s| {
            resolve_model(s).is_ok()
        });
        per_call(&mut g, "lookup_model", inputs, |s| {
            lookup_model(s).is_some()
        });
        per_call(&mut g, "fx_hashmap_stack_lowercase", inputs, |s| {
            baseline.get(s).is_some()
        });
        g.finish();
    }
    let mut g = c.benchmark_group("scale/every_provider_colon");
    per_call(&mut g, "resolve_model", &colon, |s| {
        resolve_model(s).is_ok()
    });
    g.finish();
    let mut g = c.benchmark_group("scale/names_by_shape");
    for (class, inputs) in &by_shape {
        per_call(&mut g, class, inputs, |s| resolve_model(s).is_ok());
    }
    g.finish();
}

/// The length classes of `names_by_shape`, in bytes.
const LENGTHS: [(&str, std::ops::RangeInclusive<usize>); 5] = [
    ("1-16", 1..=16),
    ("17-32", 17..=32),
    ("33-48", 33..=48),
    ("49-64", 49..=64),
    ("65-256", 65..=256),
];

criterion_group!(benches, spread);
criterion_main!(benches);
