//! Indexed queries answer as a scan does: for random queries over the built-in catalog and
//! over a run-time catalog of 1,200 generated models plus hand-written documents (tags,
//! vendors in two cases, lifecycles, a replaced and an extended built-in provider), the
//! results of `Catalog::query` and `Catalog::cheapest` equal a filter of every model by
//! `Query::matches`, sorted as the sort's documentation says.

use model_catalog::{Capability, Catalog, Date, Modality, Model, Price, Query, Sort};
use proptest::prelude::*;
use std::cmp::Ordering;
use std::collections::HashMap;
use std::sync::OnceLock;

const DOCS: &str = r#"[
  {"provider": {"id": "zz-cloud", "name": "ZZ Cloud", "key_required": true},
   "models": [
     {"id": "zz-a", "name": "A", "vendor": "Acme", "tags": ["fast"],
      "capabilities": {"tools": true}, "input_modalities": ["text", "image"],
      "context_window": 200000, "pricing": {"input": 1.0, "output": 4.0}},
     {"id": "zz-b", "name": "B", "vendor": "acme", "tags": ["fast", "cheap"],
      "capabilities": {"tools": true}, "input_modalities": ["text"],
      "context_window": 128000, "pricing": {"input": 0.5, "output": 8.0}},
     {"id": "zz-c", "name": "C", "vendor": "globex", "deprecated": true, "tags": ["cheap"],
      "pricing": {"input": 0.5}},
     {"id": "zz-d", "name": "D", "capabilities": {"tools": false},
      "context_window": 1000000, "deprecated": true, "retires": "2026-01-10"}
   ]},
  {"extends": "groq",
   "models": [{"id": "zz-groq-x", "name": "X", "context_window": 8192, "tags": ["fast"],
               "pricing": {"input": 0.1, "output": 0.1}}]},
  {"provider": {"id": "deepseek", "name": "DeepSeek, ours", "key_required": true},
   "models": [{"id": "zz-ds-extra", "name": "Extra", "deprecated": true, "retires": "2025-06-01"}]}
]"#;

/// Documents of `n` models over providers of 1 to 400 models, their facts varying with the
/// model's number: prices (some equal, some missing), limits, capabilities, modalities,
/// vendors in two cases, tags, lifecycles.
fn generated(n: usize) -> String {
    let mut docs = Vec::new();
    let (mut i, mut p) = (0, 0);
    while i < n {
        let size = [400, 1, 50, 7, 120][p % 5].min(n - i);
        let mut models = Vec::new();
        for _ in 0..size {
            let mut m = format!(r#"{{"id": "gen-{i}", "name": "Gen {i}""#);
            if i % 9 != 0 {
                let input = (i * 37) % 50;
                m += &format!(r#", "pricing": {{"input": {}.{}"#, input / 10, input % 10);
                if i % 4 != 0 {
                    m += &format!(r#", "output": {}"#, (i * 11) % 30);
                }
                m += "}";
            }
            let context = [8_192, 128_000, 200_000, 1_000_000][i % 4];
            if i % 6 != 0 {
                m += &format!(r#", "context_window": {context}"#);
            }
            if i % 5 != 0 {
                let out = [4_096, 8_192, 40_000][i % 3];
                m += &format!(r#", "max_output_tokens": {}"#, out.min(context));
            }
            m += &format!(
                r#", "capabilities": {{"tools": {}, "reasoning": {}, "structured_output": {}}}"#,
                i % 2 == 0,
                i % 3 == 0,
                i % 7 == 0
            );
            match i % 4 {
                0 => {
                    m += r#", "input_modalities": ["text", "image"], "output_modalities": ["text"]"#
                }
                1 => {
                    m += r#", "input_modalities": ["text", "audio"], "output_modalities": ["text", "audio"]"#
                }
                2 => m += r#", "input_modalities": ["text"]"#,
                _ => {}
            }
            if i % 8 != 0 {
                m += &format!(
                    r#", "vendor": "{}""#,
                    ["Acme", "acme", "globex", "initech"][i % 4]
                );
            }
            match i % 5 {
                0 => m += r#", "tags": ["fast"]"#,
                1 => m += r#", "tags": ["fast", "cheap"]"#,
                2 => m += r#", "tags": ["cheap"]"#,
                _ => {}
            }
            match i % 11 {
                0 => m += r#", "deprecated": true"#,
                1 => m += r#", "deprecated": true, "retires": "2025-07-01""#,
                2 => m += r#", "deprecated": true, "retires": "2026-01-10""#,
                _ => {}
            }
            m += "}";
            models.push(m);
            i += 1;
        }
        docs.push(format!(
            r#"{{"provider": {{"id": "gen-p{p}", "name": "Gen {p}", "key_required": true}}, "models": [{}]}}"#,
            models.join(", ")
        ));
        p += 1;
    }
    format!("[{}]", docs.join(", "))
}

fn runtime() -> &'static Catalog {
    static C: OnceLock<Catalog> = OnceLock::new();
    C.get_or_init(|| {
        Catalog::builder()
            .json("generated.json", &generated(1_200))
            .expect("parses")
            .allow_override("deepseek")
            .json("docs.json", DOCS)
            .expect("parses")
            .build()
            .expect("builds")
    })
}

/// What a random query is made of; indexes into the pools of the catalog queried.
#[derive(Debug, Clone)]
struct Spec {
    capabilities: Vec<usize>,
    inputs: Vec<usize>,
    outputs: Vec<usize>,
    min_context: Option<u32>,
    min_output: Option<u32>,
    max_input: Option<&'static str>,
    max_output: Option<&'static str>,
    providers: Vec<(usize, bool)>,
    vendors: Vec<(usize, bool)>,
    tags: Vec<usize>,
    active_on: Option<&'static str>,
    served_on: Option<&'static str>,
    sort: usize,
    blend: (u32, u32),
    usage: Vec<(usize, bool, u64)>,
}

const DATES: [&str; 4] = ["2024-01-01", "2025-07-01", "2026-01-10", "2030-01-01"];
const PRICES: [&str; 5] = ["0", "0.1", "0.5", "3", "20"];
const TAGS: [&str; 4] = ["fast", "cheap", "FAST", "none-such"];

fn spec() -> impl Strategy<Value = Spec> {
    let some = |n: usize| prop::collection::vec(0..n, 0..3);
    (
        (
            some(Capability::ALL.len()),
            some(Modality::ALL.len()),
            some(Modality::ALL.len()),
            prop::option::of(prop::sample::select(vec![
                0u32, 8_192, 128_000, 200_000, 2_000_000,
            ])),
            prop::option::of(prop::sample::select(vec![0u32, 8_192, 40_000])),
            prop::option::of(prop::sample::select(PRICES.to_vec())),
            prop::option::of(prop::sample::select(PRICES.to_vec())),
        ),
        (
            prop::collection::vec((0usize..1_000, any::<bool>()), 0..3),
            prop::collection::vec((0usize..1_000, any::<bool>()), 0..3),
            some(TAGS.len()),
            prop::option::of(prop::sample::select(DATES.to_vec())),
            prop::option::of(prop::sample::select(DATES.to_vec())),
            0usize..7,
            (0u32..4, 0u32..4),
            prop::collection::vec((0usize..100_000, any::<bool>(), any::<u64>()), 0..6),
        ),
    )
        .prop_map(
            |(
                (capabilities, inputs, outputs, min_context, min_output, max_input, max_output),
                (providers, vendors, tags, active_on, served_on, sort, blend, usage),
            )| Spec {
                capabilities,
                inputs,
                outputs,
                min_context,
                min_output,
                max_input,
                max_output,
                providers,
                vendors,
                tags,
                active_on,
                served_on,
                sort,
                blend,
                usage,
            },
        )
}

fn cased(s: &str, upper: bool) -> String {
    if upper {
        s.to_ascii_uppercase()
    } else {
        s.to_owned()
    }
}

/// The query `s` describes over catalog `c`, with its usage counts (keys as given).
fn query(c: &Catalog, s: &Spec) -> Query {
    let providers: Vec<&str> = c.providers().map(|p| p.id()).chain(["nobody"]).collect();
    let mut vendors: Vec<&str> = c.models().filter_map(Model::vendor).collect();
    vendors.sort_unstable();
    vendors.dedup();
    vendors.push("nobody");
    let mut q = Query::new();
    for &k in &s.capabilities {
        q = q.capability(Capability::ALL[k]);
    }
    for &k in &s.inputs {
        q = q.input_modality(Modality::ALL[k]);
    }
    for &k in &s.outputs {
        q = q.output_modality(Modality::ALL[k]);
    }
    if let Some(t) = s.min_context {
        q = q.min_context(t);
    }
    if let Some(t) = s.min_output {
        q = q.min_output_tokens(t);
    }
    if let Some(p) = s.max_input {
        q = q.max_input_price(p.parse().expect("a price"));
    }
    if let Some(p) = s.max_output {
        q = q.max_output_price(p.parse().expect("a price"));
    }
    for &(k, upper) in &s.providers {
        q = q.provider(&cased(providers[k % providers.len()], upper));
    }
    for &(k, upper) in &s.vendors {
        q = q.vendor(&cased(vendors[k % vendors.len()], upper));
    }
    for &k in &s.tags {
        q = q.tag(TAGS[k]);
    }
    let date = |d: &str| -> Date { d.parse().expect("a date") };
    if let Some(d) = s.active_on {
        q = q.active_on(date(d));
    }
    if let Some(d) = s.served_on {
        q = q.served_on(date(d));
    }
    q.sort(sort_of(c, s))
}

fn picos(p: Option<Price>) -> Option<u128> {
    p.map(|p| u128::from(p.picos_per_token()))
}

/// What `m` is sorted by under `sort` (smaller first); `None` when unknown.
fn key(m: &Model, sort: &Sort) -> Option<u128> {
    let p = m.pricing();
    match sort {
        Sort::InputPrice => picos(p.input),
        Sort::OutputPrice => picos(p.output),
        Sort::Blended { input, output } => {
            Some(picos(p.input)? * u128::from(*input) + picos(p.output)? * u128::from(*output))
        }
        Sort::ContextWindow => m.context_window().map(|c| u128::from(u32::MAX - c)),
        _ => Some(0),
    }
}

/// The scan: every model of `c` that `q.matches`, sorted as documented (stably, so ties
/// keep catalog order).
fn scan<'c>(c: &'c Catalog, q: &Query, sort: &Sort) -> Vec<&'c Model> {
    let mut found: Vec<&Model> = c.models().filter(|m| q.matches(m)).collect();
    match sort {
        Sort::Catalog => {}
        Sort::Usage(counts) => {
            let mut folded: HashMap<String, u64> = HashMap::new();
            for (k, &n) in counts {
                let e = folded.entry(k.to_ascii_lowercase()).or_default();
                *e = e.saturating_add(n);
            }
            let count = |m: &Model| folded.get(&m.id().to_ascii_lowercase()).copied();
            found.sort_by(|a, b| match (count(a), count(b)) {
                (Some(x), Some(y)) => y.cmp(&x),
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (None, None) => Ordering::Equal,
            });
        }
        _ => found.sort_by_key(|m| (key(m, sort).is_none(), key(m, sort))),
    }
    found
}

/// The scan's cheapest: the first of the candidates with a key, by the query's price sort
/// or a 1 : 1 blend.
fn scan_cheapest<'c>(c: &'c Catalog, q: &Query, sort: &Sort) -> Option<&'c Model> {
    let sort = match sort {
        Sort::InputPrice | Sort::OutputPrice | Sort::Blended { .. } => sort.clone(),
        _ => Sort::Blended {
            input: 1,
            output: 1,
        },
    };
    c.models()
        .filter(|m| q.matches(m) && key(m, &sort).is_some())
        .min_by_key(|m| key(m, &sort))
}

/// The sort `s` describes over catalog `c`.
fn sort_of(c: &Catalog, s: &Spec) -> Sort {
    match s.sort {
        0 => Sort::Catalog,
        1 => Sort::InputPrice,
        2 => Sort::OutputPrice,
        3 => Sort::ContextWindow,
        4 => Sort::Blended {
            input: s.blend.0,
            output: s.blend.1,
        },
        5 => {
            let ids: Vec<&str> = c.models().map(Model::id).chain(["zz-nothing"]).collect();
            Sort::Usage(
                s.usage
                    .iter()
                    .map(|&(k, upper, n)| (cased(ids[k % ids.len()], upper), n))
                    .collect(),
            )
        }
        _ => Sort::Usage(HashMap::new()),
    }
}

fn check(c: &Catalog, s: &Spec) -> Result<(), TestCaseError> {
    let q = query(c, s);
    let sort = sort_of(c, s);
    let ids = |v: Vec<&Model>| {
        v.into_iter()
            .map(|m| (m.provider_id().to_owned(), m.id().to_owned()))
            .collect::<Vec<_>>()
    };
    prop_assert_eq!(ids(c.query(&q)), ids(scan(c, &q, &sort)));
    let cheapest = |m: Option<&Model>| m.map(|m| (m.provider_id().to_owned(), m.id().to_owned()));
    prop_assert_eq!(
        cheapest(c.cheapest(&q)),
        cheapest(scan_cheapest(c, &q, &sort))
    );
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn indexed_queries_equal_a_scan_of_the_builtin_catalog(s in spec()) {
        check(Catalog::builtin(), &s)?;
    }

    #[test]
    fn indexed_queries_equal_a_scan_of_a_runtime_catalog(s in spec()) {
        check(runtime(), &s)?;
    }
}

#[test]
fn the_free_functions_query_the_builtin_catalog() {
    let q = Query::new()
        .capability(Capability::Tools)
        .sort(Sort::InputPrice);
    fn ids(v: Vec<&Model>) -> Vec<&str> {
        v.into_iter().map(Model::id).collect()
    }
    assert_eq!(ids(q.run()), ids(Catalog::builtin().query(&q)));
    assert_eq!(
        q.cheapest().map(Model::id),
        Catalog::builtin().cheapest(&q).map(Model::id)
    );
}
