//! Queries on a run-time catalog: custom providers, a built-in provider extended by a
//! document, and a replaced built-in provider. Expected answers are typed from the
//! documents below.

use model_catalog::{Capability, Catalog, Date, Modality, Model, Query, Sort};
use std::collections::HashMap;

const DOCS: &str = r#"[
  {"provider": {"id": "zz-cloud", "name": "ZZ Cloud", "aliases": ["zz-cloud-alias"], "key_required": true},
   "models": [
     {"id": "zz-a", "name": "A", "vendor": "Acme", "tags": ["fast"],
      "capabilities": {"tools": true}, "input_modalities": ["text", "image"],
      "context_window": 200000, "pricing": {"input": 1.0, "output": 4.0}},
     {"id": "zz-b", "name": "B", "vendor": "acme", "tags": ["fast", "cheap"],
      "capabilities": {"tools": true}, "input_modalities": ["text"],
      "context_window": 128000, "pricing": {"input": 0.5, "output": 8.0}},
     {"id": "zz-c", "name": "C", "vendor": "globex", "deprecated": true,
      "pricing": {"input": 0.5}},
     {"id": "zz-d", "name": "D", "capabilities": {"tools": false},
      "context_window": 1000000, "deprecated": true, "retires": "2026-01-10"}
   ]},
  {"extends": "groq",
   "models": [{"id": "zz-groq-x", "name": "X", "context_window": 8192,
               "pricing": {"input": 0.1, "output": 0.1}}]},
  {"provider": {"id": "deepseek", "name": "DeepSeek, ours", "key_required": true},
   "models": [{"id": "zz-ds-extra", "name": "Extra"}]}
]"#;

fn catalog() -> Catalog {
    Catalog::builder()
        .allow_override("deepseek")
        .json("docs.json", DOCS)
        .expect("parses")
        .build()
        .expect("builds")
}

fn ids<'a>(found: impl IntoIterator<Item = &'a Model>) -> Vec<&'a str> {
    found.into_iter().map(|m| m.id()).collect()
}

fn zz() -> Query {
    Query::new().provider("zz-cloud")
}

fn date(s: &str) -> Date {
    s.parse().expect("a date")
}

#[test]
fn a_providers_models_are_its_range() {
    let c = catalog();
    assert_eq!(ids(c.query(&zz())), ["zz-a", "zz-b", "zz-c", "zz-d"]);
    assert_eq!(
        ids(c.query(&Query::new().provider("ZZ-Cloud"))),
        ["zz-a", "zz-b", "zz-c", "zz-d"]
    );
    // An alias is not a provider's id.
    assert!(c.query(&Query::new().provider("zz-cloud-alias")).is_empty());
    assert!(c.query(&Query::new().provider("nobody")).is_empty());
    // A built-in provider extended by a document: its compiled models, then the added one.
    let mut groq: Vec<&str> = Catalog::builtin()
        .models()
        .filter(|m| m.provider_id() == "groq")
        .map(Model::id)
        .collect();
    groq.push("zz-groq-x");
    assert_eq!(ids(c.query(&Query::new().provider("groq"))), groq);
    // A replaced built-in provider keeps its compiled models, then the added one.
    let mut deepseek: Vec<&str> = Catalog::builtin()
        .models()
        .filter(|m| m.provider_id() == "deepseek")
        .map(Model::id)
        .collect();
    assert!(!deepseek.is_empty());
    deepseek.push("zz-ds-extra");
    assert_eq!(ids(c.query(&Query::new().provider("deepseek"))), deepseek);
    // Two providers: each one's models, in catalog order.
    let both = c.query(&zz().provider("groq"));
    assert_eq!(both.len(), 4 + groq.len());
    assert_eq!(
        ids(both[both.len() - 4..].iter().copied()),
        ["zz-a", "zz-b", "zz-c", "zz-d"]
    );
}

#[test]
fn filters_keep_known_facts_only() {
    let c = catalog();
    assert_eq!(
        ids(c.query(&zz().capability(Capability::Tools))),
        ["zz-a", "zz-b"]
    );
    assert_eq!(ids(c.query(&zz().capability(Capability::Vision))), ["zz-a"]);
    assert_eq!(
        ids(c.query(&zz().input_modality(Modality::Image))),
        ["zz-a"]
    );
    assert!(c.query(&zz().output_modality(Modality::Audio)).is_empty());
    assert_eq!(ids(c.query(&zz().vendor("ACME"))), ["zz-a", "zz-b"]);
    assert_eq!(
        ids(c.query(&zz().vendor("globex").vendor("acme"))),
        ["zz-a", "zz-b", "zz-c"]
    );
    assert!(c.query(&zz().vendor("nobody")).is_empty());
    assert_eq!(ids(c.query(&zz().tag("fast"))), ["zz-a", "zz-b"]);
    assert_eq!(ids(c.query(&zz().tag("fast").tag("cheap"))), ["zz-b"]);
    // Tags match exactly.
    assert!(c.query(&zz().tag("FAST")).is_empty());
    assert_eq!(ids(c.query(&zz().min_context(150_000))), ["zz-a", "zz-d"]);
    assert_eq!(ids(c.query(&zz().min_context(1_000_000))), ["zz-d"]);
    assert_eq!(
        ids(c.query(&zz().max_input_price("0.5".parse().unwrap()))),
        ["zz-b", "zz-c"]
    );
    assert_eq!(
        ids(c.query(&zz().max_output_price("4".parse().unwrap()))),
        ["zz-a"]
    );
    // zz-c is deprecated; zz-d is deprecated and retires on 2026-01-10.
    assert_eq!(
        ids(c.query(&zz().active_on(date("2025-12-01")))),
        ["zz-a", "zz-b"]
    );
    assert_eq!(
        ids(c.query(&zz().served_on(date("2025-12-01")))),
        ["zz-a", "zz-b", "zz-c", "zz-d"]
    );
    assert_eq!(
        ids(c.query(&zz().served_on(date("2026-01-10")))),
        ["zz-a", "zz-b", "zz-c"]
    );
}

#[test]
fn sorts_put_unknown_values_last_and_keep_catalog_order_on_ties() {
    let c = catalog();
    let sorted = |s: Sort| ids(c.query(&zz().sort(s)));
    // zz-b and zz-c both cost 0.5 per million input tokens: catalog order between them.
    assert_eq!(sorted(Sort::InputPrice), ["zz-b", "zz-c", "zz-a", "zz-d"]);
    assert_eq!(sorted(Sort::OutputPrice), ["zz-a", "zz-b", "zz-c", "zz-d"]);
    assert_eq!(
        sorted(Sort::ContextWindow),
        ["zz-d", "zz-a", "zz-b", "zz-c"]
    );
    // 3 : 1 blend: zz-a 3 x 1 + 4 = 7, zz-b 3 x 0.5 + 8 = 9.5; the others lack a price.
    assert_eq!(
        sorted(Sort::Blended {
            input: 3,
            output: 1
        }),
        ["zz-a", "zz-b", "zz-c", "zz-d"]
    );
    // 1 : 3 blend: zz-a 1 + 12 = 13, zz-b 0.5 + 24 = 24.5.
    assert_eq!(
        sorted(Sort::Blended {
            input: 1,
            output: 3
        }),
        ["zz-a", "zz-b", "zz-c", "zz-d"]
    );
    assert_eq!(sorted(Sort::Catalog), ["zz-a", "zz-b", "zz-c", "zz-d"]);
}

#[test]
fn usage_counts_under_one_id_in_any_case_add_up() {
    let c = catalog();
    let counts: HashMap<String, u64> = [
        ("ZZ-B", 2u64),
        ("zz-b", 3),
        ("zz-c", 4),
        // Filtered out by the provider.
        ("zz-groq-x", 100),
        // Not an id (an alias of nothing, a name of no model).
        ("zz-nothing", 50),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect();
    assert_eq!(
        ids(c.query(&zz().sort(Sort::Usage(counts)))),
        ["zz-b", "zz-c", "zz-a", "zz-d"]
    );
    // Counts that overflow saturate.
    let counts: HashMap<String, u64> = [("zz-d", u64::MAX), ("ZZ-D", 5), ("zz-a", u64::MAX - 1)]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v))
        .collect();
    assert_eq!(
        ids(c.query(&zz().sort(Sort::Usage(counts)))),
        ["zz-d", "zz-a", "zz-b", "zz-c"]
    );
}

#[test]
fn the_cheapest_model_by_each_price() {
    let c = catalog();
    // 1 : 1 blend: zz-a 5, zz-b 8.5.
    assert_eq!(c.cheapest(&zz()).map(Model::id), Some("zz-a"));
    assert_eq!(
        c.cheapest(&zz().sort(Sort::InputPrice)).map(Model::id),
        Some("zz-b")
    );
    assert_eq!(
        c.cheapest(&zz().sort(Sort::OutputPrice)).map(Model::id),
        Some("zz-a")
    );
    // zz-d has no price: no candidate.
    assert_eq!(c.cheapest(&zz().min_context(1_000_000)), None);
    assert_eq!(c.cheapest(&zz().vendor("globex")), None);
}
